import type { ApiKey } from './api-key';
import type { ApiKeyScope } from './api-key-scope.enum';
import { API_KEY_PREFIX } from '../identity.constant';

/** `rotating`: replaced by a rotation, still accepted until `rotatingUntil`. */
export type ApiKeyStatus = 'active' | 'rotating' | 'expired' | 'revoked';

/** An API key as the API lists it: its visible prefix, never its secret or hash. */
export interface ApiKeyView {
  readonly id: string;
  readonly name: string;
  /** The key's first characters, e.g. `tp_live_AbC123xY`, to recognise it by. */
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly status: ApiKeyStatus;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly createdBy: string | null;
  readonly rotatedFromId: string | null;
  readonly rotatingUntil: string | null;
  readonly createdAt: string;
}

/** A key just created or rotated, with its secret: returned once, never retrievable again. */
export interface CreatedApiKey extends ApiKeyView {
  readonly key: string;
}

export function toApiKeyView(key: ApiKey, now = new Date()): ApiKeyView {
  const status: ApiKeyStatus =
    key.revokedAt !== null
      ? 'revoked'
      : key.expiresAt !== null && key.expiresAt <= now
        ? 'expired'
        : key.rotatingUntil !== null
          ? 'rotating'
          : 'active';
  return {
    id: key._id.toHexString(),
    name: key.name,
    prefix: `${API_KEY_PREFIX}${key.prefix}`,
    scopes: [...key.scopes],
    status,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    createdBy: key.createdBy,
    rotatedFromId: key.rotatedFromId?.toHexString() ?? null,
    rotatingUntil: key.rotatingUntil?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}
