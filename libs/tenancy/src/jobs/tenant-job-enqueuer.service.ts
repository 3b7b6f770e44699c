import { Injectable } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { TenantContextMissingException } from '../context/tenant-context-missing.exception';
import { TenantContextService } from '../context/tenant-context.service';
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
    const context = this.tenantContext.current();
    if (context?.tenant == null) throw new TenantContextMissingException(`Enqueueing job "${name}"`);
    const data: TenantJobData<T> = {
      tenantId: context.tenant.id,
      ...(context.requestId !== '' ? { requestId: context.requestId } : {}),
      payload,
    };
    return (await queue.add(name, data, opts)) as Job<TenantJobData<T>>;
  }
}
