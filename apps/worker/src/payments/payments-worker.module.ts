import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { PAYMENTS_MAINTENANCE_QUEUE, PaymentsModule } from '@tenantpay/payments';
import { StorageUsageService, TransactionQuotaService } from '@tenantpay/usage';
import { PaymentWebhookEventPublisher, WebhooksModule } from '@tenantpay/webhooks';
import { WorkerMetricsModule } from '../metrics/worker-metrics.module';
import { BulkPaymentBatchWorker } from './bulk-payment-batch.worker';
import { PaymentProcessingWorker } from './payment-processing.worker';
import { PaymentsMaintenanceScheduler } from './payments-maintenance-scheduler.service';
import { PaymentsMaintenanceProcessor } from './payments-maintenance.processor';

/**
 * Payment processing (the payments queue's worker) and the repeatable maintenance sweeps. Ports bound as in
 * the API's PaymentsApiModule.
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
    WorkerMetricsModule,
  ],
  providers: [
    PaymentProcessingWorker,
    BulkPaymentBatchWorker,
    PaymentsMaintenanceScheduler,
    PaymentsMaintenanceProcessor,
  ],
})
export class PaymentsWorkerModule {}
