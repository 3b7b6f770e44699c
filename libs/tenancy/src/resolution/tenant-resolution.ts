import type { TenantContext } from '../context/tenant-context';

/** What the resolver concluded about a request. */
export interface TenantResolution {
  readonly context: TenantContext;
  /**
   * A header or host named a tenant that does not exist (or a custom domain that is not verified). The
   * context then has no tenant; the tenant guard answers 404 on tenant routes to authenticated callers.
   */
  readonly unresolvedTenant: boolean;
  /** The host the request was addressed to (normalized), null when it is not a usable host name. */
  readonly hostname: string | null;
}
