import type { AuditActionName } from './audit-actions.constant';
import type { AuditOutcome } from './audit-event';

export const AUDIT_PAGE_DEFAULT_LIMIT = 50;
export const AUDIT_PAGE_MAX_LIMIT = 200;

/** Which events `AuditService.search` returns; every field narrows the result. */
export interface AuditSearchFilter {
  /**
   * Only in the platform scope (super-admins): one tenant's events, or null for platform events only;
   * omitted means every event. A tenant caller always gets their own tenant's events and may name only it.
   */
  readonly tenantId?: string | null;
  readonly actorId?: string;
  readonly action?: AuditActionName;
  readonly outcome?: AuditOutcome;
  /** Inclusive. */
  readonly from?: Date;
  /** Exclusive. */
  readonly to?: Date;
}

/** Cursor pagination, newest first: `starting_after` is the id of the last event of the previous page. */
export interface AuditPageRequest {
  readonly limit?: number;
  readonly starting_after?: string;
}
