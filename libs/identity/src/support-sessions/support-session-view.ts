import type { SupportSession } from './support-session';

/** A support session as the tenant's admins and the operators see it. */
export interface SupportSessionView {
  readonly id: string;
  readonly tenantId: string;
  readonly operatorId: string;
  readonly reason: string;
  readonly openedAt: string;
  readonly expiresAt: string;
  readonly endedAt: string | null;
}

export function toSupportSessionView(session: SupportSession): SupportSessionView {
  return {
    id: session._id.toHexString(),
    tenantId: session.tenantId.toHexString(),
    operatorId: session.operatorId,
    reason: session.reason,
    openedAt: session.openedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    endedAt: session.endedAt === null ? null : session.endedAt.toISOString(),
  };
}
