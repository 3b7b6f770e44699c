import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import { type Model, trusted, type Types } from 'mongoose';
import type { WebhookEventType } from '../events/webhook-event-type.enum';
import type { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery';
import { WebhookDeliveryStatus } from './webhook-delivery-status.enum';
import { WEBHOOK_DELIVERY_MODEL } from './webhook-delivery.schema';

@Injectable()
export class WebhookDeliveriesRepository extends TenantAwareRepository<WebhookDelivery> {
  constructor(
    @InjectModel(WEBHOOK_DELIVERY_MODEL) model: Model<WebhookDelivery>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  /** The delivery of this event to this endpoint (for this replay), created once however often asked. */
  async ensure(
    eventId: Types.ObjectId,
    endpointId: Types.ObjectId,
    eventType: WebhookEventType,
    replay: number,
  ): Promise<WebhookDelivery> {
    const key = { eventId, endpointId, replay };
    await this.updateOne(
      key,
      {
        $setOnInsert: {
          eventType,
          status: WebhookDeliveryStatus.Pending,
          attempts: [],
          finalReason: null,
          completedAt: null,
        },
      },
      { upsert: true },
    );
    const delivery = await this.findOne(key);
    if (delivery === null) throw new Error('The delivery just upserted is missing');
    return delivery;
  }

  /**
   * Appends an attempt and moves the delivery to `status`, only while it is still pending: a delivery that
   * already ended (a stalled job's duplicate run) is left as it is. False when nothing was written.
   */
  async recordAttempt(
    id: Types.ObjectId,
    attempt: WebhookDeliveryAttempt,
    status: WebhookDeliveryStatus,
    finalReason: string | null = null,
  ): Promise<boolean> {
    const ended = status !== WebhookDeliveryStatus.Pending;
    const result = await this.updateOne(
      { _id: id, status: WebhookDeliveryStatus.Pending },
      {
        $push: { attempts: attempt },
        $set: { status, finalReason, completedAt: ended ? new Date() : null },
      },
    );
    return result.modifiedCount === 1;
  }

  /** Ends a pending delivery without an attempt (its endpoint went away). */
  async cancel(id: Types.ObjectId, reason: string): Promise<void> {
    await this.updateOne(
      { _id: id, status: WebhookDeliveryStatus.Pending },
      { $set: { status: WebhookDeliveryStatus.Canceled, finalReason: reason, completedAt: new Date() } },
    );
  }

  /** Marks a delivery whose job could not be queued as failed, so the log shows it and it can be replayed. */
  async markUnqueued(id: Types.ObjectId, reason: string): Promise<void> {
    await this.updateOne(
      { _id: id, status: WebhookDeliveryStatus.Pending, attempts: trusted({ $size: 0 }) },
      { $set: { status: WebhookDeliveryStatus.Failed, finalReason: reason, completedAt: new Date() } },
    );
  }
}
