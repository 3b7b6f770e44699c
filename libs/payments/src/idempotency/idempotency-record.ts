import type { TenantOwnedFields } from '@tenantpay/data-isolation';

/** One Idempotency-Key of one tenant: claimed while its request runs, then the stored response. */
export interface IdempotencyRecord extends TenantOwnedFields {
  key: string;
  /** SHA-256 of the canonical request (method, route, body): a reused key with another request is refused. */
  fingerprint: string;
  state: 'in_progress' | 'completed';
  /** Identifies the request holding the claim, so only it can complete or release it. */
  lockToken: string | null;
  /**
   * The lease: the holding request pushes it forward while it runs (a heartbeat), so a claim past it belongs
   * to a request that died and another may take it over.
   */
  lockedUntil: Date;
  /**
   * The MongoDB session the holding request writes in. Whoever takes over a dead request's claim kills this
   * session first: its transaction may hold the claim and the payment locked until the server's transaction
   * lifetime limit otherwise.
   */
  holderSession: string | null;
  responseStatus: number | null;
  responseBody: unknown;
  expiresAt: Date;
}
