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
