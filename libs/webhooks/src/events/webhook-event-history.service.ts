import { Injectable } from '@nestjs/common';
import { trusted } from 'mongoose';
import { WebhookDeliveriesRepository } from '../delivery/webhook-deliveries.repository';
import { WebhookDeliveryStatus } from '../delivery/webhook-delivery-status.enum';
import type { WebhookEventHistoryItem } from './webhook-event-history-item';
import { WebhookEventsRepository } from './webhook-events.repository';

/**
 * The most events one subject's history lists. A payment publishes one event per change (a handful); the cap
 * only bounds the read.
 */
export const WEBHOOK_EVENT_HISTORY_LIMIT = 100;

/** The webhook events published about one subject (a payment), oldest first, with their deliveries' state. */
@Injectable()
export class WebhookEventHistoryService {
  constructor(
    private readonly events: WebhookEventsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  /**
   * Events whose source id starts with `sourceEventIdPrefix` (the publisher's ids name their subject, e.g.
   * `evt_<paymentId>_`): a range on the `{ tenantId, sourceEventId }` index rather than a regular expression.
   */
  async listBySourcePrefix(sourceEventIdPrefix: string): Promise<WebhookEventHistoryItem[]> {
    if (sourceEventIdPrefix === '') throw new Error('A source event id prefix must not be empty');
    const events = await this.events.find(
      { sourceEventId: trusted({ $gte: sourceEventIdPrefix, $lt: `${sourceEventIdPrefix}\uffff` }) },
      { limit: WEBHOOK_EVENT_HISTORY_LIMIT },
    );
    if (events.length === 0) return [];
    // One read for every event's deliveries (the `{ tenantId, eventId, … }` index), counted here.
    const deliveries = await this.deliveries.find(
      { eventId: trusted({ $in: events.map((event) => event._id) }) },
      { projection: { eventId: 1, status: 1 } },
    );
    return events
      .sort((a, b) => a._id.toHexString().localeCompare(b._id.toHexString()))
      .map((event) => {
        const counts = Object.fromEntries(
          Object.values(WebhookDeliveryStatus).map((status) => [status, 0]),
        ) as Record<WebhookDeliveryStatus, number>;
        for (const delivery of deliveries)
          if (delivery.eventId.equals(event._id)) counts[delivery.status] += 1;
        return {
          id: event._id.toHexString(),
          type: event.type,
          createdAt: event.createdAt.toISOString(),
          replayCount: event.replayCount,
          deliveries: counts,
        };
      });
  }
}
