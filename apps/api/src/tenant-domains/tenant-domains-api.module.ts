import { Module } from '@nestjs/common';
import { TenantDomainsModule } from '@tenantpay/tenancy';
import { TenantDomainsController } from './tenant-domains.controller';

@Module({ imports: [TenantDomainsModule], controllers: [TenantDomainsController] })
export class TenantDomainsApiModule {}
