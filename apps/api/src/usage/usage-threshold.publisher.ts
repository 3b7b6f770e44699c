import { Injectable } from '@nestjs/common';
import { UsageAlertMailer } from '@tenantpay/identity';
import type { UsageEventPublisher, UsageThresholdReachedEvent } from '@tenantpay/usage';
import { UsageWebhookEventPublisher } from '@tenantpay/webhooks';

/**
 * Where the API sends a usage threshold: the tenant's webhook endpoints and an email to its admins. Both are
 * tried; one failing does not stop the other (the usage alert logs what failed).
 */
@Injectable()
export class UsageThresholdPublisher implements UsageEventPublisher {
  constructor(
    private readonly webhooks: UsageWebhookEventPublisher,
    private readonly mailer: UsageAlertMailer,
  ) {}

  async publish(event: UsageThresholdReachedEvent): Promise<void> {
    const results = await Promise.allSettled([this.webhooks.publish(event), this.mailer.send(event.data)]);
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    if (failures.length > 0) throw new AggregateError(failures, 'usage threshold not fully published');
  }
}
