/**
 * Tenants for runs against real API and worker processes (soak, chaos), seeded before those start, through the
 * modules tools/local-run seeds its demo with: tenancy and identity, no HTTP.
 */
import { Module } from '@nestjs/common';
import { API_PLATFORM_COLLECTIONS } from '../../apps/api/src/api-platform-collections.constant';
import { NestFactory } from '@nestjs/core';
import { AuditModule, AuditService } from '@tenantpay/audit';
import { DataIsolationModule } from '@tenantpay/data-isolation';
import { IdentityModule } from '@tenantpay/identity';
import { type AppConfig, PlatformCoreModule } from '@tenantpay/platform';
import { TenancyModule, TenantJobsModule, TenantLookupService, Tier } from '@tenantpay/tenancy';
import { type BenchTenant, seedBenchTenant } from './seed-bench-tenant';

/** Limits no fault run reaches: refusals would hide what the run measures. */
const HIGH_LIMITS = { apiRequestsPerMinute: 10_000_000, transactionsPerMonth: 10_000_000 };

/** One ENTERPRISE tenant with an admin's token per name, so each scenario's data stays its own. */
export async function seedFaultTenants<N extends string>(
  config: AppConfig,
  names: readonly N[],
): Promise<Record<N, BenchTenant>> {
  @Module({
    imports: [
      PlatformCoreModule.forRoot(config),
      DataIsolationModule.forRoot(
        { platformCollections: API_PLATFORM_COLLECTIONS },
        { imports: [AuditModule], useExisting: AuditService },
      ),
      TenancyModule.forRoot({ imports: [AuditModule], auditSink: AuditService }),
      // Identity enqueues invitation email in the tenant's name.
      TenantJobsModule.forRootAsync({
        inject: [TenantLookupService],
        useFactory: (tenants: TenantLookupService) => tenants,
      }),
      IdentityModule,
    ],
  })
  class FaultSeedModule {}
  const seeding = await NestFactory.createApplicationContext(FaultSeedModule, {
    logger: false,
    abortOnError: false,
  });
  try {
    const tenants = {} as Record<N, BenchTenant>;
    for (const name of names)
      tenants[name] = await seedBenchTenant(seeding, { tier: Tier.Enterprise, limits: HIGH_LIMITS });
    return tenants;
  } finally {
    await seeding.close();
  }
}
