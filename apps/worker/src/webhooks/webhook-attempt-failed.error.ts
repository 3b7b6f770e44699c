/** Tells BullMQ a delivery attempt failed (already recorded in the delivery log), so it retries on schedule. */
export class WebhookAttemptFailedError extends Error {
  constructor(reason: string) {
    super(`Webhook delivery attempt failed: ${reason}`);
    this.name = new.target.name;
  }
}
