import { Injectable } from '@nestjs/common';
import { WebhookDeliveryScheduler } from '../delivery/webhook-delivery-scheduler.service';
import { WebhookEndpointDisabledException } from '../endpoints/webhook-endpoint-disabled.exception';
import { WebhookEndpointsRepository } from '../endpoints/webhook-endpoints.repository';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import type { PublishedWebhookEvent } from './published-webhook-event';
import { WebhookEventNotFoundException } from './webhook-event-not-found.exception';
import { WebhookEventsRepository } from './webhook-events.repository';

/**
 * Sends a stored event again, with the same id and body (receivers dedupe by id), as new deliveries with
 * a full retry schedule. Each replay gets its own number, so replaying twice sends twice; a retried
 * request for the same replay does not.
 */
@Injectable()
export class WebhookEventReplayService {
  constructor(
    private readonly events: WebhookEventsRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly endpointsService: WebhookEndpointsService,
    private readonly scheduler: WebhookDeliveryScheduler,
  ) {}

  /** To one endpoint when named (it must be enabled), else to every enabled endpoint subscribed now. */
  async replay(eventId: string, endpointId?: string): Promise<PublishedWebhookEvent> {
    const event = await this.events.findById(eventId);
    if (event === null) throw new WebhookEventNotFoundException();
    let targets;
    if (endpointId === undefined) targets = await this.endpoints.subscribedTo(event.type);
    else {
      const endpoint = await this.endpointsService.existing(endpointId);
      if (!endpoint.enabled) throw new WebhookEndpointDisabledException();
      targets = [endpoint];
    }
    const replay = await this.events.nextReplayNumber(event._id);
    if (replay === null) throw new WebhookEventNotFoundException();
    const deliveries = await this.scheduler.schedule(event, targets, replay);
    return { id: eventId, type: event.type, deliveryIds: deliveries.map((d) => d._id.toHexString()) };
  }
}
