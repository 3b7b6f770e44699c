import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DeadLetterNotFoundException } from '../errors/dead-letter-not-found.exception';
import { PAYMENTS_QUEUE } from '../payments.constant';

export interface DeadLetterView {
  readonly jobId: string;
  readonly name: string;
  readonly tenantId: string | null;
  readonly paymentId: string | null;
  readonly refundId: string | null;
  readonly failedReason: string;
  readonly attemptsMade: number;
  readonly failedAt: string | null;
}

/**
 * The dead-letter set of payment jobs — BullMQ's failed set, bounded by the jobs' `removeOnFail` — for
 * super-admins: inspect, and replay one (its processing is idempotent, so a replay can never charge twice).
 * Platform-scope routes only: the set spans every tenant.
 */
@Injectable()
export class DeadLettersService {
  constructor(@InjectQueue(PAYMENTS_QUEUE) private readonly queue: Queue) {}

  async list(limit: number): Promise<DeadLetterView[]> {
    const jobs = await this.queue.getFailed(0, limit - 1);
    return jobs.filter((job): job is Job => job !== undefined).map(toDeadLetterView);
  }

  async replay(jobId: string): Promise<DeadLetterView> {
    const job = await this.queue.getJob(jobId);
    if (job === undefined || (await job.getState()) !== 'failed') throw new DeadLetterNotFoundException();
    await job.retry('failed', { resetAttemptsMade: true });
    return toDeadLetterView(job);
  }
}

function toDeadLetterView(job: Job): DeadLetterView {
  const data = (job.data ?? {}) as {
    tenantId?: unknown;
    payload?: { paymentId?: unknown; refundId?: unknown };
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    jobId: String(job.id),
    name: job.name,
    tenantId: text(data.tenantId),
    paymentId: text(data.payload?.paymentId),
    refundId: text(data.payload?.refundId),
    failedReason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn === undefined ? null : new Date(job.finishedOn).toISOString(),
  };
}
