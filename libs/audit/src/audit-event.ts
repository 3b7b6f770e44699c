import type { AuditActionName } from './audit-actions.constant';

/** `support`: a platform operator acting inside a tenant through a read-only support session. */
export const AUDIT_ACTOR_TYPES = [
  'user',
  'api-key',
  'platform-user',
  'support',
  'system',
  'anonymous',
] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** Who did it. `id` is absent for `system` and usually for `anonymous` (no verified identity). */
export interface AuditActor {
  readonly type: AuditActorType;
  readonly id?: string;
}

/** What it was done to, e.g. `{ type: 'api_key', id: '…' }`. */
export interface AuditResource {
  readonly type: string;
  readonly id: string;
}

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
/** `denied`: refused by a security control (guard, isolation); `failure`: attempted and did not work. */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One recorded audit event, as searches return it. */
export interface AuditEvent {
  readonly id: string;
  /** Null for platform events (no tenant, or recorded in the platform scope). */
  readonly tenantId: string | null;
  readonly actor: AuditActor;
  readonly action: AuditActionName;
  readonly resource: AuditResource | null;
  readonly outcome: AuditOutcome;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly at: Date;
  /** Already redacted and bounded when recorded; see redactAuditMetadata. */
  readonly metadata: Readonly<Record<string, unknown>>;
}
