import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import { APP_CONFIG, PlatformQueueModule, REDIS_CLIENT } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { PaymentAnalyticsService } from './analytics/payment-analytics.service';
import { PlatformPaymentAnalyticsService } from './analytics/platform-payment-analytics.service';
import { PAYMENT_BATCH_MODEL, PaymentBatchSchema } from './bulk/payment-batch.schema';
import { PAYMENT_BATCH_ITEM_MODEL, PaymentBatchItemSchema } from './bulk/payment-batch-item.schema';
import { PaymentBatchItemsRepository } from './bulk/payment-batch-items.repository';
import { PaymentBatchJobsService } from './bulk/payment-batch-jobs.service';
import { PaymentBatchProcessingService } from './bulk/payment-batch-processing.service';
import { PlatformPaymentBatchesRepository } from './bulk/platform-payment-batches.repository';
import { StuckPaymentBatchesSweeper } from './bulk/stuck-payment-batches-sweeper.service';
import { DEFAULT_PAYMENT_BATCH_SETTINGS, PAYMENT_BATCH_SETTINGS } from './bulk/payment-batch-settings';
import { PaymentBatchesRepository } from './bulk/payment-batches.repository';
import { PaymentBatchesService } from './bulk/payment-batches.service';
import { paymentGatewayFor } from './gateway/payment-gateway.factory';
import { PAYMENT_GATEWAY } from './gateway/payment-gateway.port';
import { GATEWAY_EVENT_MODEL, GatewayEventSchema } from './gateway-webhooks/gateway-event.schema';
import { GatewayEventsRepository } from './gateway-webhooks/gateway-events.repository';
import { PaymentGatewayEventsService } from './gateway-webhooks/payment-gateway-events.service';
import { GatewayWebhooksService } from './gateway-webhooks/gateway-webhooks.service';
import { IdempotencyRecordSchema, IDEMPOTENCY_RECORD_MODEL } from './idempotency/idempotency-record.schema';
import { IdempotencyRecordsRepository } from './idempotency/idempotency-records.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { PAYMENT_MODEL, PaymentSchema } from './payment/payment.schema';
import { PaymentsRepository } from './payment/payments.repository';
import { PlatformPaymentsRepository } from './payment/platform-payments.repository';
import { PaymentOutboxDispatcher } from './outbox/payment-outbox-dispatcher.service';
import { PAYMENT_OUTBOX_ENTRY_MODEL, PaymentOutboxEntrySchema } from './outbox/payment-outbox-entry.schema';
import { PaymentOutboxPlatformRepository } from './outbox/payment-outbox-platform.repository';
import { PaymentOutboxRepository } from './outbox/payment-outbox.repository';
import { PaymentApprovalsService } from './payment-approvals.service';
import { PAYMENT_BATCHES_QUEUE, PAYMENTS_QUEUE } from './payments.constant';
import { PAYMENTS_SETTINGS, paymentsSettingsFromAppConfig } from './payments-settings';
import { PaymentsService } from './payments.service';
import { PAYMENT_EVENT_PUBLISHER } from './ports/payment-event-publisher.port';
import { STORAGE_USAGE } from './ports/storage-usage.port';
import { TRANSACTION_QUOTA } from './ports/transaction-quota.port';
import { DeadLettersService } from './processing/dead-letters.service';
import { PaymentEventsService } from './processing/payment-events.service';
import { PaymentJobsService } from './processing/payment-jobs.service';
import { PaymentProcessingService } from './processing/payment-processing.service';
import { GatewayCallsAbort } from './processing/gateway-calls-abort.service';
import { ProcessingPaymentReconciler } from './processing/processing-payment-reconciler.service';
import { StuckPaymentsSweeper } from './processing/stuck-payments-sweeper.service';
import { PaymentWorkflowSettingsService } from './workflows/payment-workflow-settings.service';

export interface PaymentsModuleOptions {
  /** Modules the bound ports come from. */
  readonly imports?: ModuleMetadata['imports'];
  /**
   * Providers (the usage and webhooks libraries') implementing the ports. All required: payments without the
   * quota, metering or events would run unlimited, unbilled and unannounced, so an app that forgets one does
   * not start: forRoot throws, naming each missing port and what binds it.
   */
  readonly transactionQuota: InjectionToken;
  readonly storageUsage: InjectionToken;
  readonly eventPublisher: InjectionToken;
}

const REQUIRED_PORTS = {
  transactionQuota: 'the monthly transaction quota (usage: TransactionQuotaService)',
  storageUsage: 'storage metering (usage: StorageUsageService)',
  eventPublisher: 'the payment event publisher (webhooks: PaymentWebhookEventPublisher)',
} as const satisfies Record<keyof Omit<PaymentsModuleOptions, 'imports'>, string>;

/**
 * Payments, idempotency, the gateway port, processing and gateway webhooks. Imported once by the API and once
 * by the worker. Settings come from the application's config (APP_CONFIG). Needs, from the application:
 * PlatformCoreModule, TenancyModule (tenant lookups),
 * DataIsolationModule (tenant-aware repositories) and TenantJobsModule (enqueueing in the tenant's context).
 */
@Module({})
export class PaymentsModule {
  static forRoot(options: PaymentsModuleOptions): DynamicModule {
    // Checked at run time too: a binding computed at start (a conditional, a cast) can still be undefined.
    const missing = (Object.keys(REQUIRED_PORTS) as (keyof typeof REQUIRED_PORTS)[]).filter(
      (name) => (options as Partial<PaymentsModuleOptions>)[name] === undefined,
    );
    if (missing.length > 0) {
      throw new Error(
        `PaymentsModule.forRoot: unbound ports, refusing to start: ${missing
          .map((name) => `${name} (${REQUIRED_PORTS[name]})`)
          .join(', ')}`,
      );
    }
    return {
      module: PaymentsModule,
      imports: [
        PlatformQueueModule,
        AuditModule,
        BullModule.registerQueue({ name: PAYMENTS_QUEUE }),
        BullModule.registerQueue({ name: PAYMENT_BATCHES_QUEUE }),
        MongooseModule.forFeature([
          { name: PAYMENT_MODEL, schema: PaymentSchema },
          { name: IDEMPOTENCY_RECORD_MODEL, schema: IdempotencyRecordSchema },
          { name: GATEWAY_EVENT_MODEL, schema: GatewayEventSchema },
          { name: PAYMENT_OUTBOX_ENTRY_MODEL, schema: PaymentOutboxEntrySchema },
          { name: PAYMENT_BATCH_MODEL, schema: PaymentBatchSchema },
          { name: PAYMENT_BATCH_ITEM_MODEL, schema: PaymentBatchItemSchema },
        ]),
        ...(options.imports ?? []),
      ],
      providers: [
        { provide: PAYMENTS_SETTINGS, inject: [APP_CONFIG], useFactory: paymentsSettingsFromAppConfig },
        { provide: TRANSACTION_QUOTA, useExisting: options.transactionQuota },
        { provide: STORAGE_USAGE, useExisting: options.storageUsage },
        { provide: PAYMENT_EVENT_PUBLISHER, useExisting: options.eventPublisher },
        {
          provide: PAYMENT_GATEWAY,
          inject: [PAYMENTS_SETTINGS, REDIS_CLIENT],
          useFactory: paymentGatewayFor,
        },
        // Stateless (its storage is per process), so a local instance reads the same context as everywhere else.
        TenantContextService,
        PaymentsRepository,
        PlatformPaymentsRepository,
        IdempotencyRecordsRepository,
        GatewayEventsRepository,
        PaymentGatewayEventsService,
        IdempotencyService,
        PaymentJobsService,
        PaymentEventsService,
        PaymentsService,
        PaymentApprovalsService,
        PaymentAnalyticsService,
        PlatformPaymentAnalyticsService,
        PaymentProcessingService,
        GatewayWebhooksService,
        DeadLettersService,
        StuckPaymentsSweeper,
        ProcessingPaymentReconciler,
        GatewayCallsAbort,
        PaymentWorkflowSettingsService,
        TransactionService,
        PaymentOutboxRepository,
        PaymentOutboxPlatformRepository,
        PaymentOutboxDispatcher,
        { provide: PAYMENT_BATCH_SETTINGS, useValue: DEFAULT_PAYMENT_BATCH_SETTINGS },
        PaymentBatchesRepository,
        PaymentBatchItemsRepository,
        PaymentBatchJobsService,
        PaymentBatchesService,
        PaymentBatchProcessingService,
        PlatformPaymentBatchesRepository,
        StuckPaymentBatchesSweeper,
      ],
      exports: [
        PAYMENTS_SETTINGS,
        PAYMENT_GATEWAY,
        IdempotencyService,
        PaymentsService,
        PaymentApprovalsService,
        PaymentAnalyticsService,
        PlatformPaymentAnalyticsService,
        PaymentProcessingService,
        GatewayWebhooksService,
        PaymentGatewayEventsService,
        DeadLettersService,
        StuckPaymentsSweeper,
        GatewayCallsAbort,
        PaymentWorkflowSettingsService,
        PaymentOutboxDispatcher,
        PAYMENT_BATCH_SETTINGS,
        PaymentBatchesService,
        PaymentBatchProcessingService,
        StuckPaymentBatchesSweeper,
      ],
    };
  }
}
