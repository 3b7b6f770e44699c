import { Module } from '@nestjs/common';
import { PaymentsModule } from '@tenantpay/payments';
import { StorageUsageService, TransactionQuotaService } from '@tenantpay/usage';
import { PaymentWebhookEventPublisher, WebhooksModule } from '@tenantpay/webhooks';
import { AdminPaymentAnalyticsController } from './admin-payment-analytics.controller';
import { BulkPaymentsController } from './bulk-payments.controller';
import { GatewayWebhooksController } from './gateway-webhooks.controller';
import { PaymentApprovalsController } from './payment-approvals.controller';
import { PaymentDeadLettersController } from './payment-dead-letters.controller';
import { PaymentEventsController } from './payment-events.controller';
import { PaymentWorkflowSettingsController } from './payment-workflow-settings.controller';
import { PaymentsController } from './payments.controller';

/**
 * The payments routes. Settings come from the platform config (PAYMENTS_* variables); the ports (quota,
 * storage, events) are bound by the app.
 */
@Module({
  imports: [
    PaymentsModule.forRoot({
      imports: [WebhooksModule],
      transactionQuota: TransactionQuotaService,
      storageUsage: StorageUsageService,
      eventPublisher: PaymentWebhookEventPublisher,
    }),
    // The webhook events a payment published, for its history.
    WebhooksModule,
  ],
  controllers: [
    PaymentsController,
    PaymentApprovalsController,
    PaymentEventsController,
    GatewayWebhooksController,
    PaymentDeadLettersController,
    AdminPaymentAnalyticsController,
    PaymentWorkflowSettingsController,
    BulkPaymentsController,
  ],
})
export class PaymentsApiModule {}
