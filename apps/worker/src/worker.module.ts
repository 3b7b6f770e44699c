import { type DynamicModule, Module } from '@nestjs/common';
import { AUDIT_EVENT_COLLECTION, AuditModule, AuditService } from '@tenantpay/audit';
import { DataIsolationModule } from '@tenantpay/data-isolation';
import { PlacementModule } from '@tenantpay/placement';
import { type AppConfig, PlatformCoreModule, PlatformQueueModule } from '@tenantpay/platform';
import {
  TENANT_COLLECTION,
  TenancyModule,
  TenantJobsModule,
  TenantLookupService,
  tenantLogFields,
} from '@tenantpay/tenancy';
import { USAGE_RECORD_COLLECTION } from '@tenantpay/usage';
import { MailWorkerModule } from './mail/mail-worker.module';
import { WorkerMetricsModule } from './metrics/worker-metrics.module';
import { OffboardingWorkerModule } from './offboarding/offboarding-worker.module';
import { PaymentsWorkerModule } from './payments/payments-worker.module';
import { PlacementMoveWorkerModule } from './placement-move/placement-move-worker.module';
import { WorkerSchedulesModule } from './schedules/worker-schedules.module';
import { ShutdownDeadline } from './shutdown-deadline';
import { UsageWorkerModule } from './usage/usage-worker.module';
import { WorkerWebhooksModule } from './webhooks/worker-webhooks.module';

/** The worker: no HTTP; the platform connections, tenant-context restoration for jobs, and the processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformCoreModule.forRoot(config, { logFields: tenantLogFields }),
        PlatformQueueModule,
        TenancyModule.forRoot({ imports: [AuditModule], auditSink: AuditService }),
        DataIsolationModule.forRoot(
          // Platform-owned collections jobs touch inside a tenant's context (audit events and usage records
          // only for that tenant's documents); the rest is closed to tenants.
          {
            platformCollections: [TENANT_COLLECTION],
            tenantKeyedCollections: [AUDIT_EVENT_COLLECTION, USAGE_RECORD_COLLECTION],
          },
          { imports: [AuditModule], useExisting: AuditService },
        ),
        // Which MongoDB each tenant's data lives on: a tenant job reaches its tenant's placement.
        PlacementModule.forRoot(),
        // Each job runs in its tenant's context, loaded (through the cache) by the tenant id it carries.
        TenantJobsModule.forRootAsync({
          inject: [TenantLookupService],
          useFactory: (tenants: TenantLookupService) => tenants,
        }),
        WorkerWebhooksModule,
        MailWorkerModule,
        UsageWorkerModule.forRoot(),
        PaymentsWorkerModule,
        OffboardingWorkerModule,
        PlacementMoveWorkerModule,
        WorkerSchedulesModule,
        WorkerMetricsModule,
      ],
      providers: [ShutdownDeadline],
    };
  }
}
