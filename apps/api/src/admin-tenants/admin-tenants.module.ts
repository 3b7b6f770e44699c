import { Module } from '@nestjs/common';
import { OffboardingModule } from '@tenantpay/offboarding';
import { PlacementMoveModule } from '@tenantpay/placement-move';
import { TenantDomainsModule } from '@tenantpay/tenancy';
import { AdminTenantOffboardingController } from './admin-tenant-offboarding.controller';
import { AdminTenantPlacementController } from './admin-tenant-placement.controller';
import { AdminTenantsController } from './admin-tenants.controller';

/** Super-admin tenant routes; the tenancy service comes from the global TenancyModule (see ApiTenancyModule). */
@Module({
  imports: [OffboardingModule, TenantDomainsModule, PlacementMoveModule],
  controllers: [AdminTenantsController, AdminTenantOffboardingController, AdminTenantPlacementController],
})
export class AdminTenantsModule {}
