import { Module } from '@nestjs/common';
import { defaultPaymentsSettings, PaymentsModule } from '@tenantpay/payments';
import { StorageUsageService, TransactionQuotaService } from '@tenantpay/usage';
import { PaymentWebhookEventPublisher, WebhooksModule } from '@tenantpay/webhooks';
import { AdminPaymentAnalyticsController } from './admin-payment-analytics.controller';
import { GatewayWebhooksController } from './gateway-webhooks.controller';
import { PaymentApprovalsController } from './payment-approvals.controller';
import { PaymentDeadLettersController } from './payment-dead-letters.controller';
import { PaymentsController } from './payments.controller';

/**
 * The payments routes. Settings are the library's defaults until the platform config carries the payments
 * variables (gateway webhook secret, retry policy); the ports (quota, storage, events) are bound by the app.
 */
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
  controllers: [
    PaymentsController,
    PaymentApprovalsController,
    GatewayWebhooksController,
    PaymentDeadLettersController,
    AdminPaymentAnalyticsController,
  ],
})
export class PaymentsApiModule {}
