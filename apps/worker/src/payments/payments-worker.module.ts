import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { PAYMENTS_MAINTENANCE_QUEUE, PaymentsModule } from '@tenantpay/payments';
import { MetricsModule } from '@tenantpay/platform';
import { StorageUsageService, TransactionQuotaService } from '@tenantpay/usage';
import { PaymentWebhookEventPublisher, WebhooksModule } from '@tenantpay/webhooks';
import { WorkerMetricsModule } from '../metrics/worker-metrics.module';
import { BulkPaymentBatchWorker } from './bulk-payment-batch.worker';
import { PaymentProcessingWorker } from './payment-processing.worker';
import { PaymentsMaintenanceProcessor } from './payments-maintenance.processor';
import { PaymentsSweepMetrics } from './payments-sweep.metrics';

/**
 * Payment processing (the payments queue's worker) and the maintenance sweeps (their schedules:
 * WorkerSchedulesModule). Ports bound as in the API's PaymentsApiModule.
 */
@Module({
  imports: [
    PaymentsModule.forRoot({
      imports: [WebhooksModule],
      transactionQuota: TransactionQuotaService,
      storageUsage: StorageUsageService,
      eventPublisher: PaymentWebhookEventPublisher,
    }),
    BullModule.registerQueue({ name: PAYMENTS_MAINTENANCE_QUEUE }),
    MetricsModule,
    WorkerMetricsModule,
  ],
  providers: [
    PaymentProcessingWorker,
    BulkPaymentBatchWorker,
    PaymentsMaintenanceProcessor,
    PaymentsSweepMetrics,
  ],
  // The worker's ShutdownDeadline abandons the gateway calls through PaymentsModule's GatewayCallsAbort.
  exports: [PaymentsModule],
})
export class PaymentsWorkerModule {}
