import { OFFBOARDING_QUEUE, OFFBOARDING_SWEEP_JOB } from '@tenantpay/offboarding';
import type { AppConfig } from '@tenantpay/platform';
import {
  PAYMENTS_MAINTENANCE_QUEUE,
  PaymentMaintenanceJobName,
  type PaymentsSettings,
} from '@tenantpay/payments';
import { MAIL_MAINTENANCE_QUEUE, MAIL_SWEEP_INTERVAL_MS, MAIL_SWEEP_JOB } from '@tenantpay/mail';
import {
  PLACEMENT_MOVE_QUEUE,
  PLACEMENT_MOVE_SWEEP_INTERVAL_MS,
  PLACEMENT_MOVE_SWEEP_JOB,
} from '@tenantpay/placement-move';
import { USAGE_MONTH_CLOSE_JOB, USAGE_QUEUE, USAGE_SYNC_JOB, type UsageOptions } from '@tenantpay/usage';

/** One repeatable job: its scheduler id is its job name, unique within its queue. */
export interface WorkerJobSchedule {
  readonly queue:
    | typeof USAGE_QUEUE
    | typeof PAYMENTS_MAINTENANCE_QUEUE
    | typeof OFFBOARDING_QUEUE
    | typeof MAIL_MAINTENANCE_QUEUE
    | typeof PLACEMENT_MOVE_QUEUE;
  readonly name: string;
  readonly everyMs: number;
}

/**
 * Every repeatable job the worker runs, in one list: JobSchedulesKeeper keeps each of them in Redis. A schedule
 * lives only in Redis, so a job missing here, or registered anywhere else, would not come back after Redis
 * loses its data.
 */
export function workerJobSchedules(
  usage: UsageOptions,
  payments: PaymentsSettings,
  offboarding: AppConfig['offboarding'],
): readonly WorkerJobSchedule[] {
  const sweepEveryMs = payments.maintenance.sweepIntervalMs;
  return [
    // Usage counters copied from Redis to MongoDB: what a Redis loss can lose is at most this interval.
    { queue: USAGE_QUEUE, name: USAGE_SYNC_JOB, everyMs: usage.syncIntervalMs },
    { queue: USAGE_QUEUE, name: USAGE_MONTH_CLOSE_JOB, everyMs: usage.monthCloseIntervalMs },
    // Stuck PENDING / PROCESSING / AWAITING_APPROVAL payments, and payment events left in the outbox.
    {
      queue: PAYMENTS_MAINTENANCE_QUEUE,
      name: PaymentMaintenanceJobName.SweepStuckPayments,
      everyMs: sweepEveryMs,
    },
    // Bulk batches whose chunks no job will finish (job lost, stalled out, settlement failed, tenant suspended).
    {
      queue: PAYMENTS_MAINTENANCE_QUEUE,
      name: PaymentMaintenanceJobName.SweepStuckBatches,
      everyMs: sweepEveryMs,
    },
    {
      queue: PAYMENTS_MAINTENANCE_QUEUE,
      name: PaymentMaintenanceJobName.DispatchPaymentEvents,
      everyMs: sweepEveryMs,
    },
    // Requested tenant exports, and tenant data whose retention period after its export is over.
    { queue: OFFBOARDING_QUEUE, name: OFFBOARDING_SWEEP_JOB, everyMs: offboarding.sweepIntervalMs },
    // Email left pending in the outbox (its job never enqueued, or lost with Redis) is enqueued again.
    { queue: MAIL_MAINTENANCE_QUEUE, name: MAIL_SWEEP_JOB, everyMs: MAIL_SWEEP_INTERVAL_MS },
    // Moved tenants' old copies past their retention whose delayed deletion job Redis lost.
    {
      queue: PLACEMENT_MOVE_QUEUE,
      name: PLACEMENT_MOVE_SWEEP_JOB,
      everyMs: PLACEMENT_MOVE_SWEEP_INTERVAL_MS,
    },
  ];
}
