import type { ApiKey } from './api-key';
import type { ApiKeyScope } from './api-key-scope.enum';

/**
 * What the API-key cache holds for one hash: the facts authentication needs, an explicit "no such key"
 * (short negative caching, so random guesses do not each reach MongoDB), or a revocation tombstone.
 */
export type CachedApiKey =
  | {
      readonly state: 'active';
      readonly id: string;
      readonly tenantId: string;
      readonly scopes: readonly ApiKeyScope[];
      /** ISO time, or null when the key never expires. */
      readonly expiresAt: string | null;
    }
  | { readonly state: 'absent' }
  | { readonly state: 'revoked' };

export function toCachedApiKey(key: ApiKey | null): CachedApiKey {
  if (key === null) return { state: 'absent' };
  if (key.revokedAt !== null) return { state: 'revoked' };
  return {
    state: 'active',
    id: key._id.toHexString(),
    tenantId: key.tenantId.toHexString(),
    scopes: [...key.scopes],
    expiresAt: key.expiresAt?.toISOString() ?? null,
  };
}
