import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@tenantpay/audit';
import { TenantOwnedDataService } from '@tenantpay/data-isolation';
import { TENANT_OFFBOARDING_MODEL } from './offboarding.constant';
import { OffboardingService } from './offboarding.service';
import { TenantOffboardingSchema } from './tenant-offboarding.schema';
import { TenantOffboardingsRepository } from './tenant-offboardings.repository';

/**
 * Tenant offboarding (export, retention, deletion). Needs PlatformCoreModule (MongoDB, Redis, config),
 * TenancyModule and DataIsolationModule, as both apps have.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: TENANT_OFFBOARDING_MODEL, schema: TenantOffboardingSchema }]),
    AuditModule,
  ],
  providers: [TenantOffboardingsRepository, TenantOwnedDataService, OffboardingService],
  exports: [OffboardingService],
})
export class OffboardingModule {}
