/** The payload of a delivery job; the tenant travels in the job envelope (TenantJobData). */
export interface MailDeliveryJob {
  readonly outboxId: string;
}
