import { Module } from '@nestjs/common';
import { TenantBrandingModule } from '@tenantpay/tenancy';
import { BrandingController } from './branding.controller';

@Module({ imports: [TenantBrandingModule], controllers: [BrandingController] })
export class BrandingApiModule {}
