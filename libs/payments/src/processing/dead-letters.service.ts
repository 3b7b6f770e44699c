import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { type ListEnvelope, listEnvelope } from '@tenantpay/platform';
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

  /**
   * Newest first (BullMQ's failed set is ordered by failure time). The cursor is a job id: its rank in the set
   * says where the next page starts; a job that is not (or no longer) in the set answers 404.
   */
  async list(limit: number, startingAfter?: string): Promise<ListEnvelope<DeadLetterView>> {
    const start = startingAfter === undefined ? 0 : (await this.rankOf(startingAfter)) + 1;
    const jobs = (await this.queue.getFailed(start, start + limit)).filter(
      (job): job is Job => job !== undefined,
    );
    return listEnvelope(jobs.slice(0, limit).map(toDeadLetterView), jobs.length > limit);
  }

  /**
   * The job's position in the failed set, newest first. BullMQ's client interface has no ZREVRANK, so this
   * reads the set's ids; the set is bounded by `deadLetterMaxCount`, and only a page after the first pays it.
   */
  private async rankOf(jobId: string): Promise<number> {
    const client = await this.queue.client;
    const rank = (await client.zrevrange(this.queue.keys['failed'] ?? '', 0, -1)).indexOf(jobId);
    if (rank === -1) throw new DeadLetterNotFoundException();
    return rank;
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
