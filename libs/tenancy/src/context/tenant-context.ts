import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import type { Principal } from './principal';
import type { ResolutionMethod } from './resolution-method.enum';

/**
 * What is known about the current unit of work (a request or a job); immutable once created. Whether the work
 * runs in the platform scope is not part of it: that is `TenantContextService.platformScope()`, which only
 * `runAsPlatform` can turn on.
 */
export interface TenantContext {
  /** The tenant the work is for, or null when none was named (public routes, platform users). */
  readonly tenant: TenantSnapshot | null;
  readonly resolvedBy: ResolutionMethod | null;
  readonly principal: Principal | null;
  readonly requestId: string;
}
