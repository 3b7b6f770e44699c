import { Injectable } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { TenantContextMissingException } from '../context/tenant-context-missing.exception';
import { TenantContextService } from '../context/tenant-context.service';
import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import { fairSharePriority } from './fair-share-priority';
import type { TenantJobData } from './tenant-job-data';

/**
 * Enqueues work for the current tenant. The tenant id is taken from the context, never from the caller,
 * so a job cannot be enqueued for a tenant the current request does not belong to.
 */
@Injectable()
export class TenantJobEnqueuer {
  constructor(private readonly tenantContext: TenantContextService) {}

  async enqueue<T>(
    queue: Queue,
    name: string,
    payload: T,
    opts?: JobsOptions,
  ): Promise<Job<TenantJobData<T>>> {
    return this.add(queue, this.currentTenant(name), name, payload, opts);
  }

  /**
   * Enqueues on a queue shared by tenants in the tenant's fair share of it: one tenant's backlog cannot hold
   * back another tenant's job, and tenants with backlogs take turns by tier weight (fair-share-priority.ts).
   * Every job of such a queue must come through here, since a job without a priority runs before all of them.
   */
  async enqueueInFairShare<T>(
    queue: Queue,
    name: string,
    payload: T,
    opts?: JobsOptions,
  ): Promise<Job<TenantJobData<T>>> {
    const tenant = this.currentTenant(name);
    const priority = await fairSharePriority(queue, tenant.id, tenant.tier);
    return this.add(queue, tenant, name, payload, { ...opts, priority });
  }

  private currentTenant(jobName: string): TenantSnapshot {
    const context = this.tenantContext.current();
    if (context?.tenant == null) throw new TenantContextMissingException(`Enqueueing job "${jobName}"`);
    return context.tenant;
  }

  private async add<T>(
    queue: Queue,
    tenant: TenantSnapshot,
    name: string,
    payload: T,
    opts: JobsOptions | undefined,
  ): Promise<Job<TenantJobData<T>>> {
    const requestId = this.tenantContext.current()?.requestId ?? '';
    const data: TenantJobData<T> = {
      tenantId: tenant.id,
      ...(requestId !== '' ? { requestId } : {}),
      payload,
    };
    return (await queue.add(name, data, opts)) as Job<TenantJobData<T>>;
  }
}
