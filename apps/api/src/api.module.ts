import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { AuditModule, AuditService } from '@tenantpay/audit';
import { DataIsolationModule } from '@tenantpay/data-isolation';
import { PlacementModule } from '@tenantpay/placement';
import {
  type AppConfig,
  PlatformCoreModule,
  PlatformHealthModule,
  PlatformHttpModule,
} from '@tenantpay/platform';
import { TenantJobsModule, TenantLookupService, tenantLogFields } from '@tenantpay/tenancy';
import { AdminPlatformUsersModule } from './admin-platform-users/admin-platform-users.module';
import { AdminTenantsModule } from './admin-tenants/admin-tenants.module';
import { API_PLATFORM_COLLECTIONS, API_TENANT_KEYED_COLLECTIONS } from './api-platform-collections.constant';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditApiModule } from './audit/audit-api.module';
import { AuthModule } from './auth/auth.module';
import { BrandingApiModule } from './branding/branding-api.module';
import { ApiGuardsModule } from './guards/api-guards.module';
import { DevMailboxModule } from './dev-mailbox/dev-mailbox.module';
import { HealthController } from './health/health.controller';
import { InvitationsModule } from './invitations/invitations.module';
import { ApiMetricsModule } from './metrics/api-metrics.module';
import { PasswordsApiModule } from './passwords/passwords-api.module';
import { PaymentsApiModule } from './payments/payments-api.module';
import { LegacyPortalLinksModule } from './legacy-portal-links/legacy-portal-links.module';
import { ConsoleModule } from './console/console.module';
import { ApiTenancyModule } from './tenancy/api-tenancy.module';
import { TenantDomainsApiModule } from './tenant-domains/tenant-domains-api.module';
import { UsageApiModule } from './usage/usage-api.module';
import { SupportSessionsModule } from './support-sessions/support-sessions.module';
import { UsersModule } from './users/users.module';
import { WebhookEndpointsModule } from './webhook-endpoints/webhook-endpoints.module';

/**
 * The HTTP API. Its global guards run in the one order API_GUARD_ORDER states (ApiGuardsModule), whatever the
 * order of the imports below.
 */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformCoreModule.forRoot(config, { logFields: tenantLogFields }),
        // A batch of up to 10,000 payments needs more than the default body limit; no other route does.
        PlatformHttpModule.forRoot({
          bulkBodyRoutes: [{ path: 'payments/batches', method: RequestMethod.POST }],
        }),
        PlatformHealthModule,
        ApiMetricsModule,
        DataIsolationModule.forRoot(
          {
            platformCollections: API_PLATFORM_COLLECTIONS,
            tenantKeyedCollections: API_TENANT_KEYED_COLLECTIONS,
          },
          { imports: [AuditModule], useExisting: AuditService },
        ),
        // With admission control's tenant bound (ApiAdmissionModule), which its request hook runs.
        ApiTenancyModule,
        // Which MongoDB each tenant's data lives on: repositories and transactions route by it.
        PlacementModule.forRoot(),
        ApiGuardsModule,
        UsageApiModule,
        AdminTenantsModule,
        AdminPlatformUsersModule,
        AuthModule,
        UsersModule,
        SupportSessionsModule,
        InvitationsModule,
        PasswordsApiModule,
        ApiKeysModule,
        AuditApiModule,
        BrandingApiModule,
        TenantDomainsApiModule,
        // Jobs enqueued by the API carry the tenant of the request that enqueued them.
        TenantJobsModule.forRootAsync({
          inject: [TenantLookupService],
          useFactory: (tenants: TenantLookupService) => tenants,
        }),
        WebhookEndpointsModule,
        PaymentsApiModule,
        LegacyPortalLinksModule,
        ConsoleModule,
        DevMailboxModule.forRoot(config),
      ],
      controllers: [HealthController],
    };
  }
}
