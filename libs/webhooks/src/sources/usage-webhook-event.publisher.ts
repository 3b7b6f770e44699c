import { Injectable } from '@nestjs/common';
import type { UsageEventPublisher, UsageThresholdReachedEvent } from '@tenantpay/usage';
import { WebhookEventPublisher } from '../events/webhook-event-publisher.service';
import { WebhookEventType } from '../events/webhook-event-type.enum';

/** Usage threshold events (once per tenant, period, metric and threshold) as tenant webhook events. */
@Injectable()
export class UsageWebhookEventPublisher implements UsageEventPublisher {
  constructor(private readonly webhooks: WebhookEventPublisher) {}

  async publish(event: UsageThresholdReachedEvent): Promise<void> {
    const { period, metric, thresholdPercent } = event.data;
    await this.webhooks.publish({
      type: WebhookEventType.UsageThresholdReached,
      data: { ...event.data },
      sourceEventId: `usage_${event.tenantId}_${period}_${metric}_${thresholdPercent}`,
    });
  }
}
