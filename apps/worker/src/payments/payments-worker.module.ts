import { Module } from '@nestjs/common';
import { defaultPaymentsSettings, PaymentsModule } from '@tenantpay/payments';
import { StorageUsageService, TransactionQuotaService } from '@tenantpay/usage';
import { PaymentWebhookEventPublisher, WebhooksModule } from '@tenantpay/webhooks';
import { PaymentProcessingWorker } from './payment-processing.worker';

/** Payment processing: the payments queue's worker. Settings as in the API's PaymentsApiModule. */
@Module({
  imports: [
    PaymentsModule.forRoot({
      settings: { useFactory: () => defaultPaymentsSettings() },
      imports: [WebhooksModule],
      transactionQuota: TransactionQuotaService,
      storageUsage: StorageUsageService,
      eventPublisher: PaymentWebhookEventPublisher,
    }),
  ],
  providers: [PaymentProcessingWorker],
})
export class PaymentsWorkerModule {}
