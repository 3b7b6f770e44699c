import { Module } from '@nestjs/common';
import { WebhooksModule } from '@tenantpay/webhooks';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';

/** The worker's side of tenant webhooks: the delivery processor. */
@Module({ imports: [WebhooksModule], providers: [WebhookDeliveryProcessor] })
export class WorkerWebhooksModule {}
