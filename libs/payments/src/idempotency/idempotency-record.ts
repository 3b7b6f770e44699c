import type { TenantOwnedFields } from '@tenantpay/data-isolation';

/** One Idempotency-Key of one tenant: claimed while its request runs, then the stored response. */
export interface IdempotencyRecord extends TenantOwnedFields {
  key: string;
  /** SHA-256 of the canonical request (method, route, body): a reused key with another request is refused. */
  fingerprint: string;
  state: 'in_progress' | 'completed';
  /** Identifies the request holding the claim, so only it can complete or release it. */
  lockToken: string | null;
  /** A claim older than this belongs to a request that died; another may take it over. */
  lockedUntil: Date;
  responseStatus: number | null;
  responseBody: unknown;
  expiresAt: Date;
}
