import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import type { Model, Types } from 'mongoose';
import type { WebhookEvent } from './webhook-event';
import { WEBHOOK_EVENT_MODEL } from './webhook-event.schema';

@Injectable()
export class WebhookEventsRepository extends TenantAwareRepository<WebhookEvent> {
  constructor(@InjectModel(WEBHOOK_EVENT_MODEL) model: Model<WebhookEvent>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  /** Reserves the next replay number of the event atomically; null when the event does not exist. */
  async nextReplayNumber(eventId: Types.ObjectId): Promise<number | null> {
    const updated = await this.findOneAndUpdate({ _id: eventId }, { $inc: { replayCount: 1 } });
    return updated?.replayCount ?? null;
  }
}
