/**
 * Metric names the worker registers (queue depth, `queue_jobs`, is the platform's: QUEUE_JOBS_METRIC); alert rules
 * name them (README, Operations).
 */
export const JOBS_COMPLETED_METRIC = 'jobs_completed_total';
export const JOBS_FAILED_METRIC = 'jobs_failed_total';
export const JOB_DURATION_METRIC = 'job_duration_seconds';
export const USAGE_FLUSH_LAG_METRIC = 'usage_flush_lag_seconds';

/** From a webhook delivery or usage sync (milliseconds) to a batch chunk of 500 payment creations (minutes). */
export const JOB_DURATION_BUCKETS_SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export const JOB_SCHEDULER_MISSING_METRIC = 'job_scheduler_missing';
export const JOB_SCHEDULERS_RECREATED_METRIC = 'job_schedulers_recreated_total';
export const PAYMENTS_RECONCILED_METRIC = 'payments_reconciled_total';
export const PAYMENTS_NEEDING_ATTENTION_METRIC = 'payments_needing_attention';
