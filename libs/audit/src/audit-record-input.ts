import type { AuditActionName } from './audit-actions.constant';
import type { AuditActor, AuditOutcome, AuditResource } from './audit-event';

/**
 * What a caller tells `AuditService.record`. Anything the current tenant context knows (tenant, actor,
 * request id) is filled from it when omitted; pass a field only to say something the context cannot, e.g.
 * the tenant a super-admin acted on, or the anonymous actor of a failed login. The time is always the
 * server's: events cannot be back- or forward-dated.
 */
export interface AuditRecordInput {
  readonly action: AuditActionName;
  readonly outcome: AuditOutcome;
  /** An explicit null records a platform event even inside a tenant context. */
  readonly tenantId?: string | null;
  readonly actor?: AuditActor;
  readonly resource?: AuditResource;
  /** The client IP as the HTTP layer determined it (the tenant context does not carry it). */
  readonly ip?: string | null;
  readonly requestId?: string;
  /** Free-form detail; secrets are redacted and the size bounded before it is stored. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}
