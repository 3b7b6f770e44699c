import type { TenancyAuditActionName } from './tenancy-audit-actions.constant';

/** One event tenancy wants on the audit trail; the shape of the audit library's `AuditRecordInput`. */
export interface SecurityAuditEvent {
  readonly action: TenancyAuditActionName;
  readonly outcome: 'success' | 'failure' | 'denied';
  /** An explicit null records a platform event. */
  readonly tenantId?: string | null;
  readonly actor?: {
    readonly type: 'user' | 'api-key' | 'platform-user' | 'support' | 'system' | 'anonymous';
    readonly id?: string;
  };
  readonly resource?: { readonly type: string; readonly id: string };
  readonly ip?: string | null;
  readonly requestId?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * Where tenancy's security and administration events go. A port, because the audit library depends on
 * tenancy (for the context) and so cannot be imported here: its `AuditService` satisfies this interface
 * and the API binds it with `TenancyModule.forRoot({ auditSink })`. Implementations must not throw.
 */
export interface SecurityAuditSink {
  record(event: SecurityAuditEvent): Promise<unknown>;
}

export const SECURITY_AUDIT_SINK = Symbol('SECURITY_AUDIT_SINK');
