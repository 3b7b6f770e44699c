import type { WebhookDeliveryAttemptView } from '@tenantpay/webhooks';

/** One HTTP attempt of a delivery. */
export class WebhookDeliveryAttemptResponse implements WebhookDeliveryAttemptView {
  /** 1 for the first attempt. */
  readonly number!: number;
  readonly startedAt!: string;
  readonly durationMs!: number;
  /** The receiver's HTTP status; null when no answer came (timeout, refused connection). */
  readonly responseStatus!: number | null;
  /** The start of the receiver's answer. */
  readonly responseBody!: string | null;
  /** Why no answer came, when none did. */
  readonly error!: string | null;
  readonly succeeded!: boolean;
}
