import type { DeadLetterView } from '@tenantpay/payments';

/** A payment job that failed for good (BullMQ's failed set), replayable by a super-admin. */
export class DeadLetterResponse implements DeadLetterView {
  readonly jobId!: string;
  /** The job's name. @example "process-payment" */
  readonly name!: string;
  readonly tenantId!: string | null;
  readonly paymentId!: string | null;
  readonly refundId!: string | null;
  readonly failedReason!: string;
  readonly attemptsMade!: number;
  readonly failedAt!: string | null;
}
