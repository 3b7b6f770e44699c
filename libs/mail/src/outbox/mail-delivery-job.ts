/** The payload of a delivery job: the outbox row to send. */
export interface MailDeliveryJob {
  readonly outboxId: string;
}

/**
 * The data of a delivery job for the platform's own outbox. A tenant's mail travels in the tenant job envelope
 * (TenantJobData, which names its tenant); platform mail has no tenant and says so, so the one delivery queue
 * and processor serve both and a job can never be read as another owner's.
 */
export interface PlatformMailDeliveryJobData {
  readonly owner: 'platform';
  readonly payload: MailDeliveryJob;
}

export function isPlatformMailDeliveryJob(data: unknown): data is PlatformMailDeliveryJobData {
  return typeof data === 'object' && data !== null && (data as { owner?: unknown }).owner === 'platform';
}
