import { Module } from '@nestjs/common';
import { WebhooksModule } from '@tenantpay/webhooks';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEventsController } from './webhook-events.controller';

/** Tenant webhooks: endpoint management, delivery log, event replay. */
@Module({ imports: [WebhooksModule], controllers: [WebhookEndpointsController, WebhookEventsController] })
export class WebhookEndpointsModule {}
