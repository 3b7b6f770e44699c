/** Metric names the worker app registers itself (alert rules name them: docs in the README, Operating it). */
export const JOB_SCHEDULER_MISSING_METRIC = 'job_scheduler_missing';
export const JOB_SCHEDULERS_RECREATED_METRIC = 'job_schedulers_recreated_total';
export const PAYMENTS_RECONCILED_METRIC = 'payments_reconciled_total';
export const PAYMENTS_NEEDING_ATTENTION_METRIC = 'payments_needing_attention';
