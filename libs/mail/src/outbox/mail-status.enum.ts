/** Where an outbox row is in its delivery. */
export enum MailStatus {
  Pending = 'pending',
  Sent = 'sent',
  /** Every attempt failed; kept for operators, never retried by the sweep. */
  Failed = 'failed',
}
