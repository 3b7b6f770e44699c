import { Module } from '@nestjs/common';
import { OffboardingModule } from '@tenantpay/offboarding';
import { TenantDomainsModule } from '@tenantpay/tenancy';
import { AdminTenantOffboardingController } from './admin-tenant-offboarding.controller';
import { AdminTenantsController } from './admin-tenants.controller';

/** Super-admin tenant routes; the tenancy service comes from the global TenancyModule (see ApiTenancyModule). */
@Module({
  imports: [OffboardingModule, TenantDomainsModule],
  controllers: [AdminTenantsController, AdminTenantOffboardingController],
})
export class AdminTenantsModule {}
