import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { PaymentWebhookEventPublisher } from './sources/payment-webhook-event.publisher';
import { UsageWebhookEventPublisher } from './sources/usage-webhook-event.publisher';
import { MongooseModule } from '@nestjs/mongoose';
import { APP_CONFIG, PlatformQueueModule } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { PinnedWebhookHttpClient } from './delivery/pinned-webhook-http-client';
import { WebhookDeliveriesRepository } from './delivery/webhook-deliveries.repository';
import { WebhookDeliveryLogService } from './delivery/webhook-delivery-log.service';
import { WebhookDeliveryScheduler } from './delivery/webhook-delivery-scheduler.service';
import { WEBHOOK_DELIVERY_MODEL, WebhookDeliverySchema } from './delivery/webhook-delivery.schema';
import { WebhookDeliveryService } from './delivery/webhook-delivery.service';
import { WebhookDestinationGuard } from './destinations/webhook-destination-guard.service';
import { SystemWebhookDnsResolver, WEBHOOK_DNS_RESOLVER } from './destinations/webhook-dns-resolver';
import { WEBHOOK_ENDPOINT_MODEL, WebhookEndpointSchema } from './endpoints/webhook-endpoint.schema';
import { WebhookEndpointsRepository } from './endpoints/webhook-endpoints.repository';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';
import { WebhookEventPublisher } from './events/webhook-event-publisher.service';
import { WebhookEventHistoryService } from './events/webhook-event-history.service';
import { WebhookEventReplayService } from './events/webhook-event-replay.service';
import { WEBHOOK_EVENT_MODEL, WebhookEventSchema } from './events/webhook-event.schema';
import { WebhookEventsRepository } from './events/webhook-events.repository';
import { WebhookSecretCipher } from './secrets/webhook-secret-cipher.service';
import { WEBHOOK_DELIVERY_QUEUE } from './webhooks.constant';
import { webhooksOptionsFromAppConfig, WEBHOOKS_OPTIONS } from './webhooks-options';

/**
 * Tenant webhooks: endpoints, events, deliveries and the delivery queue's producer side. Imported by the
 * API (management, replay), by features that publish events, and by the worker (WebhookDeliveryService
 * behind its processor). Needs PlatformCoreModule, DataIsolationModule (repositories) and TenantJobsModule
 * (enqueueing in the tenant's name), which the applications provide once.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: WEBHOOK_ENDPOINT_MODEL, schema: WebhookEndpointSchema },
      { name: WEBHOOK_EVENT_MODEL, schema: WebhookEventSchema },
      { name: WEBHOOK_DELIVERY_MODEL, schema: WebhookDeliverySchema },
    ]),
    PlatformQueueModule,
    BullModule.registerQueue({ name: WEBHOOK_DELIVERY_QUEUE }),
  ],
  providers: [
    { provide: WEBHOOKS_OPTIONS, inject: [APP_CONFIG], useFactory: webhooksOptionsFromAppConfig },
    { provide: WEBHOOK_DNS_RESOLVER, useClass: SystemWebhookDnsResolver },
    // Stateless (its storage is module-wide), so a local instance reads the same context as everywhere.
    TenantContextService,
    WebhookSecretCipher,
    WebhookDestinationGuard,
    WebhookEndpointsRepository,
    WebhookEventsRepository,
    WebhookDeliveriesRepository,
    WebhookEndpointsService,
    WebhookDeliveryScheduler,
    WebhookEventPublisher,
    WebhookEventReplayService,
    WebhookEventHistoryService,
    WebhookDeliveryLogService,
    PinnedWebhookHttpClient,
    WebhookDeliveryService,
    PaymentWebhookEventPublisher,
    UsageWebhookEventPublisher,
  ],
  exports: [
    PaymentWebhookEventPublisher,
    UsageWebhookEventPublisher,
    WebhookEndpointsService,
    WebhookEventPublisher,
    WebhookEventReplayService,
    WebhookEventHistoryService,
    WebhookDeliveryLogService,
    WebhookDeliveryService,
  ],
})
export class WebhooksModule {}
