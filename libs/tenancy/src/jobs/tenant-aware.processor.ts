import { WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import type { TenantJobData } from './tenant-job-data';
import { type TenantJobRunOptions, TenantJobRunner } from './tenant-job-runner.service';

/**
 * Base of every BullMQ processor that works for a tenant: decorate the subclass with `@Processor(queue)`
 * and implement `processForTenant`, which runs inside the job's tenant context (so tenant-aware
 * repositories, audit and usage see the right tenant, exactly as in a request).
 */
export abstract class TenantAwareProcessor<T, R = unknown> extends WorkerHost {
  // Property injection keeps subclass constructors free for their own dependencies.
  @Inject(TenantJobRunner)
  private readonly tenantJobRunner!: TenantJobRunner;

  override process(job: Job<TenantJobData<T>>): Promise<R> {
    return this.tenantJobRunner.run(
      job,
      (payload, tenant) => this.processForTenant(payload, tenant, job),
      this.runOptions,
    );
  }

  /** Whether the work finishes what an archived tenant already started (see TenantJobRunOptions). */
  protected readonly runOptions: TenantJobRunOptions = {};

  protected abstract processForTenant(
    payload: T,
    tenant: TenantSnapshot,
    job: Job<TenantJobData<T>>,
  ): Promise<R>;
}
