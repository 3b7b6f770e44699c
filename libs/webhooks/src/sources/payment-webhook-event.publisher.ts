import { Injectable } from '@nestjs/common';
import type { PaymentEvent, PaymentEventPublisher } from '@tenantpay/payments';
import { isWebhookEventType } from '../events/webhook-event-type.enum';
import { WebhookEventPublisher } from '../events/webhook-event-publisher.service';

/**
 * Payment events as tenant webhook events. Payments publish at least once, so the payment's own event id
 * makes a repeat recognisable (`sourceEventId`). Events tenants cannot subscribe to (approvals, which are
 * audited) are not offered.
 */
@Injectable()
export class PaymentWebhookEventPublisher implements PaymentEventPublisher {
  constructor(private readonly webhooks: WebhookEventPublisher) {}

  async publish(event: PaymentEvent): Promise<void> {
    if (!isWebhookEventType(event.type)) return;
    await this.webhooks.publish({
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      sourceEventId: event.id,
    });
  }
}
