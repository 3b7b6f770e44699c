/**
 * The data of every job that works for a tenant. The worker restores the tenant context from `tenantId`
 * before the handler runs (TenantAwareProcessor), so handlers never take a tenant id from the payload.
 */
export interface TenantJobData<T> {
  readonly tenantId: string;
  /** The request that enqueued the job, so its logs and audit events join up with the job's. */
  readonly requestId?: string;
  readonly payload: T;
}
