import type { SessionView } from '@tenantpay/identity';

/** A signed-in session, as its owner (or an admin) sees it in a list. */
export class SessionListItemResponse implements SessionView {
  readonly id!: string;
  readonly createdAt!: string;
  readonly lastRefreshedAt!: string | null;
  /** When it ends unless refreshed before. */
  readonly idleExpiresAt!: string;
  readonly expiresAt!: string;
  readonly ip!: string | null;
  readonly userAgent!: string | null;
  /** The session of the access token that asked. */
  readonly current!: boolean;
}
