import type { Session } from './session';

/** A session as its owner (or an admin) sees it in a list. */
export interface SessionView {
  readonly id: string;
  readonly createdAt: string;
  readonly lastRefreshedAt: string | null;
  /** When it ends unless refreshed before. */
  readonly idleExpiresAt: string;
  readonly expiresAt: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** The session of the access token that asked. */
  readonly current: boolean;
}

export function toSessionView(session: Session, currentSessionId: string | null): SessionView {
  const id = session._id.toHexString();
  return {
    id,
    createdAt: session.createdAt.toISOString(),
    lastRefreshedAt: session.lastRefreshedAt?.toISOString() ?? null,
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
    current: id === currentSessionId,
  };
}
