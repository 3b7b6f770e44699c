import type { Types } from 'mongoose';
import type { ApiKeyScope } from './api-key-scope.enum';

/** A tenant's API key as stored in `api_keys` (tenant-owned). The secret itself is never stored. */
export interface ApiKey {
  readonly _id: Types.ObjectId;
  readonly tenantId: Types.ObjectId;
  readonly name: string;
  /**
   * The visible part of the key (`tp_live_<prefix>_…`): the tenant's id and 8 random characters (only the random
   * ones in keys made before), shown so people can tell keys apart.
   */
  readonly prefix: string;
  /** SHA-256 (hex) of the whole key; how a presented key is found. */
  readonly hash: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
  /** Written at most once a minute; see ApiKeyAuthenticator. */
  readonly lastUsedAt: Date | null;
  readonly createdBy: string | null;
  /** The key this one replaced, when it was made by rotation. */
  readonly rotatedFromId: Types.ObjectId | null;
  /**
   * Set when the key was rotated with an overlap: it keeps working until then (its `expiresAt` is moved to no
   * later than this), so the caller's servers can switch to the replacement without downtime.
   */
  readonly rotatingUntil: Date | null;
  readonly deletedAt: Date | null;
  readonly deletedBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
