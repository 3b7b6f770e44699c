import { ApiProperty } from '@nestjs/swagger';
import {
  ALL_WEBHOOK_EVENTS,
  WebhookEndpointDisabledReason,
  type WebhookEndpointView,
  type WebhookEventSubscription,
  WebhookEventType,
} from '@tenantpay/webhooks';

/** A webhook endpoint as the API shows it: never its secret. */
export class WebhookEndpointResponse implements WebhookEndpointView {
  /** @example "665f1c2ab3e4d5f6a7b8c9d0" */
  readonly id!: string;
  /** Where deliveries are POSTed. @example "https://erp.example-bank.com/tenantpay/webhooks" */
  readonly url!: string;
  /** @example "ERP settlement feed" */
  readonly description!: string | null;
  @ApiProperty({
    description: 'Event types delivered to it; `*` for all.',
    type: 'array',
    items: { type: 'string', enum: [...Object.values(WebhookEventType), ALL_WEBHOOK_EVENTS] },
    example: ['payment.completed', 'payment.failed'],
  })
  readonly events!: readonly WebhookEventSubscription[];
  readonly enabled!: boolean;
  /** Why it stopped receiving deliveries (a 410 answer, or an admin). */
  readonly disabledReason!: WebhookEndpointDisabledReason | null;
  readonly disabledAt!: string | null;
  /** Until when the secret before the last rotation still signs deliveries, if it does. */
  readonly previousSecretExpiresAt!: string | null;
  /** The user or API key that created it. */
  readonly createdBy!: string | null;
  /** @example "2026-12-07T09:30:00.000Z" */
  readonly createdAt!: string;
  readonly updatedAt!: string;
}
