import { Injectable } from '@nestjs/common';
import { type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { trusted } from 'mongoose';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { WebhookDeliveryStatus } from './webhook-delivery-status.enum';
import { toWebhookDeliveryView, type WebhookDeliveryView } from './webhook-delivery-view';

export interface WebhookDeliveryLogQuery {
  readonly limit: number;
  /** The id of the last delivery of the previous page. */
  readonly startingAfter?: string;
  readonly status?: WebhookDeliveryStatus;
}

/** An endpoint's deliveries, newest first, with every attempt. */
@Injectable()
export class WebhookDeliveryLogService {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  async list(endpointId: string, query: WebhookDeliveryLogQuery): Promise<ListEnvelope<WebhookDeliveryView>> {
    const endpoint = await this.endpoints.existing(endpointId);
    const page = await this.deliveries.findPage(
      {
        endpointId: endpoint._id,
        ...(query.status === undefined ? {} : { status: trusted({ $eq: query.status }) }),
      },
      {
        limit: query.limit,
        direction: 'desc',
        ...(query.startingAfter === undefined ? {} : { startingAfter: query.startingAfter }),
      },
    );
    return listEnvelope(page.items.map(toWebhookDeliveryView), page.hasMore);
  }
}
