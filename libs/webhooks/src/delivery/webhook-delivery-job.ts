/** The payload of a delivery job (inside TenantJobData, which carries the tenant). */
export interface WebhookDeliveryJob {
  readonly deliveryId: string;
  /**
   * Delays before each retry, fixed when the delivery is enqueued, so a configuration change does not
   * reshape deliveries already in flight and the number of attempts always matches the schedule.
   */
  readonly retryDelaysMs: readonly number[];
}
