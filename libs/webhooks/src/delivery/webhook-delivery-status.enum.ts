export enum WebhookDeliveryStatus {
  /** Waiting for its first attempt or for a retry. */
  Pending = 'pending',
  /** The endpoint answered 2xx. */
  Succeeded = 'succeeded',
  /** Dead-lettered: every attempt failed, or the endpoint answered 410. Replayable. */
  Failed = 'failed',
  /** Not attempted (again) because the endpoint was disabled or deleted meanwhile. */
  Canceled = 'canceled',
}
