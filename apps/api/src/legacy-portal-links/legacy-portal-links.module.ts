import { Module } from '@nestjs/common';
import { TenantLinkBuilder } from '@tenantpay/mail';
import { LegacyPortalLinksController } from './legacy-portal-links.controller';

// The link builder is stateless (config only): a local instance builds the very links the emails carry.
@Module({ providers: [TenantLinkBuilder], controllers: [LegacyPortalLinksController] })
export class LegacyPortalLinksModule {}
