import { Module } from '@nestjs/common';
import { AdminTenantsController } from './admin-tenants.controller';

/** Super-admin tenant routes; the service comes from the global TenancyModule (see ApiTenancyModule). */
@Module({ controllers: [AdminTenantsController] })
export class AdminTenantsModule {}
