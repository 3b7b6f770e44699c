import { type DynamicModule, Module } from '@nestjs/common';
import { AUDIT_EVENT_COLLECTION, AuditModule, AuditService } from '@tenantpay/audit';
import { DataIsolationModule } from '@tenantpay/data-isolation';
import { IdentityModule, PLATFORM_USER_COLLECTION } from '@tenantpay/identity';
import { type AppConfig, PlatformCoreModule } from '@tenantpay/platform';
import { TENANT_COLLECTION, TenancyModule, TenantJobsModule, TenantLookupService } from '@tenantpay/tenancy';

/**
 * Tenants and identity without HTTP, for the command-line tools (demo seed, platform admin bootstrap): the same
 * modules the API composes, so their writes pass the same isolation and audit.
 */
@Module({})
export class IdentityToolingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityToolingModule,
      imports: [
        PlatformCoreModule.forRoot(config),
        DataIsolationModule.forRoot(
          { platformCollections: [TENANT_COLLECTION, PLATFORM_USER_COLLECTION, AUDIT_EVENT_COLLECTION] },
          { imports: [AuditModule], useExisting: AuditService },
        ),
        TenancyModule.forRoot({ imports: [AuditModule], auditSink: AuditService }),
        // Identity writes invitation email to the outbox and enqueues it in the tenant's name.
        TenantJobsModule.forRootAsync({
          inject: [TenantLookupService],
          useFactory: (tenants: TenantLookupService) => tenants,
        }),
        IdentityModule,
      ],
    };
  }
}
