import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TenantAdminService } from './admin/tenant-admin.service';
import { TenantPlacementMarker } from './admin/tenant-placement-marker.service';
import { TenantCacheInvalidationSubscriber } from './cache/tenant-cache-invalidation.subscriber';
import { TenantLookupService } from './cache/tenant-lookup.service';
import { TenantContextService } from './context/tenant-context.service';
import { CustomDomainStrategy } from './resolution/custom-domain.strategy';
import { LoggingSecurityAuditSink } from './resolution/logging-security-audit.sink';
import { SECURITY_AUDIT_SINK, type SecurityAuditSink } from './resolution/security-audit-sink';
import { SubdomainStrategy } from './resolution/subdomain.strategy';
import { TenantHeaderStrategy } from './resolution/tenant-header.strategy';
import { TENANT_MODEL, TenantSchema } from './tenants/tenant.schema';
import { TenantsRepository } from './tenants/tenants.repository';

export interface TenancyModuleOptions {
  /** Modules the audit sink comes from. */
  readonly imports?: DynamicModule['imports'];
  /** Where audit events go, e.g. the audit library's AuditService; without it they are logged. */
  readonly auditSink?: Type<SecurityAuditSink>;
}

/**
 * Tenants, their cached lookup, the header/host resolution strategies and tenant administration. Global,
 * imported once by the application: one lookup cache (and one invalidation subscriber, which identity's
 * user-access cache listens to as well) per process.
 * Needs PlatformCoreModule (config, MongoDB, Redis). The resolver and the guards are composed by the API,
 * which owns the list of strategies (credential strategies come from identity).
 */
@Module({})
export class TenancyModule {
  static forRoot(options: TenancyModuleOptions = {}): DynamicModule {
    return {
      module: TenancyModule,
      global: true,
      imports: [
        MongooseModule.forFeature([{ name: TENANT_MODEL, schema: TenantSchema }]),
        ...(options.imports ?? []),
      ],
      providers: [
        TenantContextService,
        TenantsRepository,
        TenantCacheInvalidationSubscriber,
        TenantLookupService,
        TenantHeaderStrategy,
        SubdomainStrategy,
        CustomDomainStrategy,
        TenantAdminService,
        TenantPlacementMarker,
        options.auditSink === undefined
          ? { provide: SECURITY_AUDIT_SINK, useClass: LoggingSecurityAuditSink }
          : { provide: SECURITY_AUDIT_SINK, useExisting: options.auditSink },
      ],
      exports: [
        TenantContextService,
        TenantLookupService,
        TenantCacheInvalidationSubscriber,
        TenantHeaderStrategy,
        SubdomainStrategy,
        CustomDomainStrategy,
        TenantAdminService,
        TenantPlacementMarker,
        SECURITY_AUDIT_SINK,
      ],
    };
  }
}
