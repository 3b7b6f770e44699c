import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { ResolutionMethod } from '../context/resolution-method.enum';
import { TenantContextService } from '../context/tenant-context.service';
import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import type { TenantJobData } from './tenant-job-data';
import { TENANT_LOADER, type TenantLoader } from './tenant-loader';

const TENANT_ID = /^[0-9a-f]{24}$/;

export interface TenantJobRunOptions {
  /**
   * Whether the job finishes work the tenant started before it was archived (a payment already accepted must
   * still settle, its webhooks still be delivered): `finish`; or is new work an archived, read-only tenant may
   * not start (a bulk batch creating payments): `refuse`, the default.
   */
  readonly whenArchived?: 'finish' | 'refuse';
  /**
   * Whether the job may run for a suspended tenant: `finish` only for a job that closes work the tenant started
   * and starts none (settling a bulk chunk that failed for good); `refuse`, the default, for everything else.
   */
  readonly whenSuspended?: 'finish' | 'refuse';
}

/**
 * Runs a job's handler inside the tenant context the job was enqueued for.
 *
 * A job that names no valid tenant, an unknown one, a suspended one (or an archived one, for new work) can
 * never succeed, so it fails at
 * once and for good (UnrecoverableError: BullMQ skips the remaining attempts) with an error log, instead
 * of retrying into the failed set or, worse, running without isolation. A failure to load the tenant
 * (database down) is transient and is thrown as is, so BullMQ retries it.
 */
@Injectable()
export class TenantJobRunner {
  private readonly logger = new Logger(TenantJobRunner.name);

  constructor(
    @Inject(TENANT_LOADER) private readonly tenantLoader: TenantLoader,
    private readonly tenantContext: TenantContextService,
  ) {}

  async run<T, R>(
    job: Job<TenantJobData<T>>,
    handler: (payload: T, tenant: TenantSnapshot) => Promise<R>,
    options: TenantJobRunOptions = {},
  ): Promise<R> {
    const data: unknown = job.data;
    const tenantId = tenantIdOf(data);
    if (tenantId === undefined) throw this.refuse(job, 'has no valid tenant id', undefined);
    const tenant = await this.tenantLoader.findById(tenantId);
    if (tenant === null || tenant.id !== tenantId)
      throw this.refuse(job, 'names a tenant that does not exist', tenantId);
    if (!tenant.isActive && options.whenSuspended !== 'finish')
      throw this.refuse(job, 'belongs to a suspended tenant', tenantId);
    if (tenant.isArchived && options.whenArchived !== 'finish')
      throw this.refuse(job, 'would start new work for an archived tenant', tenantId);

    const { requestId, payload } = job.data;
    return this.tenantContext.run(
      {
        tenant,
        resolvedBy: ResolutionMethod.Job,
        principal: null,
        requestId:
          typeof requestId === 'string' && requestId !== '' ? requestId : `job:${job.queueName}:${job.id}`,
      },
      () => handler(payload, tenant),
    );
  }

  private refuse(job: Job, problem: string, tenantId: string | undefined): UnrecoverableError {
    const message = `Job ${job.queueName}/${job.name}#${job.id} ${problem}; it fails without retrying`;
    // The payload is not logged: it may carry personal or payment data.
    this.logger.error({ msg: message, queue: job.queueName, jobName: job.name, jobId: job.id, tenantId });
    return new UnrecoverableError(message);
  }
}

function tenantIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const tenantId = (data as { tenantId?: unknown }).tenantId;
  return typeof tenantId === 'string' && TENANT_ID.test(tenantId) ? tenantId : undefined;
}
