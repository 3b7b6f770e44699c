import type { Logger } from '@nestjs/common';
import type { PaymentsSettings } from '@tenantpay/payments';
import { type AppConfig, closeQueueConnection, queueConnection } from '@tenantpay/platform';
import { type Job, Worker } from 'bullmq';
import type { JobOutcomeMetrics } from '../metrics/job-outcome.metrics';

export interface PaymentsQueueWorkerOptions<T> {
  readonly queue: string;
  readonly concurrency: number;
  /** What one job is called in logs ("Payment job", "Batch chunk"). */
  readonly jobLabel: string;
  readonly logger: Logger;
  /** Counts the worker's job outcomes and durations (it is not a `@Processor` discovery would find). */
  readonly metrics: JobOutcomeMetrics;
  readonly process: (job: Job<T>) => Promise<string>;
  /**
   * Runs once a job has failed for good (attempts exhausted, or unrecoverable), after BullMQ moved it to the
   * failed set: what the job left unfinished must still reach a final state. A rejection is logged.
   */
  readonly onDeadLetter?: (job: Job<T>) => Promise<void>;
}

/**
 * A BullMQ worker for the queues that move money, built here rather than with `@Processor` because their lock
 * and stalled-job timings come from settings: a worker that dies mid-job stops renewing its lock, and after
 * `lockDurationMs` another worker's stalled check hands the job on (once at most), where idempotency keys make
 * the repeat safe. Failures are logged as retried or, once attempts are exhausted, as dead letters.
 */
export function startPaymentsQueueWorker<T>(
  config: AppConfig,
  settings: PaymentsSettings,
  options: PaymentsQueueWorkerOptions<T>,
): Worker<T> {
  const { processing } = settings;
  const connection = queueConnection(config.redis, `tenantpay-${config.env}-${options.queue}-worker`);
  const worker = new Worker<T>(options.queue, options.process, {
    ...connection,
    concurrency: options.concurrency,
    lockDuration: processing.lockDurationMs,
    stalledInterval: processing.stalledIntervalMs,
    maxStalledCount: 1,
  });
  worker.on('failed', (job, error) => {
    // BullMQ stamps finishedOn only when it does not retry: attempts exhausted or an UnrecoverableError.
    const exhausted = job !== undefined && job.finishedOn !== undefined;
    options.logger[exhausted ? 'error' : 'warn'](
      { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, err: error },
      exhausted
        ? `${options.jobLabel} moved to the dead-letter set`
        : `${options.jobLabel} failed; it will be retried`,
    );
    if (exhausted && options.onDeadLetter !== undefined) {
      options
        .onDeadLetter(job)
        .catch((settleError: unknown) =>
          options.logger.error(
            { jobId: job.id, jobName: job.name, err: settleError },
            `${options.jobLabel} dead-lettered, and what it left unfinished could not be settled`,
          ),
        );
    }
  });
  worker.on('error', (error) => options.logger.error({ err: error }, `${options.queue} worker error`));
  worker.on('closed', () => void closeQueueConnection(connection));
  options.metrics.observe(worker);
  return worker;
}
