import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import { type Model, trusted } from 'mongoose';
import { ALL_WEBHOOK_EVENTS, type WebhookEventType } from '../events/webhook-event-type.enum';
import type { WebhookEndpoint } from './webhook-endpoint';
import { WEBHOOK_ENDPOINT_MODEL } from './webhook-endpoint.schema';

@Injectable()
export class WebhookEndpointsRepository extends TenantAwareRepository<WebhookEndpoint> {
  constructor(
    @InjectModel(WEBHOOK_ENDPOINT_MODEL) model: Model<WebhookEndpoint>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  /** The enabled endpoints that receive events of this type. */
  subscribedTo(type: WebhookEventType): Promise<WebhookEndpoint[]> {
    return this.find(
      { enabled: true, events: trusted({ $in: [type, ALL_WEBHOOK_EVENTS] }) },
      { sort: { _id: 1 } },
    );
  }
}
