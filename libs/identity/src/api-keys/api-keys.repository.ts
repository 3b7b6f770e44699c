import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, type Page, TenantAwareRepository } from '@tenantpay/data-isolation';
import { isValidObjectId, type Model, Types } from 'mongoose';
import type { ApiKey } from './api-key';
import type { ApiKeyScope } from './api-key-scope.enum';
import { API_KEY_MODEL } from './api-key.schema';

export interface NewApiKey {
  readonly name: string;
  readonly prefix: string;
  readonly hash: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt: Date | null;
  readonly createdBy: string | null;
  readonly rotatedFromId: Types.ObjectId | null;
}

/**
 * The current tenant's API keys, for their management. Rotation revokes and inserts in one transaction, which
 * these methods join through the ambient session.
 * Authentication by key, which happens before a tenant is known, goes through ApiKeyCredentialsRepository.
 */
@Injectable()
export class ApiKeysRepository extends TenantAwareRepository<ApiKey> {
  constructor(@InjectModel(API_KEY_MODEL) model: Model<ApiKey>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  insert(key: NewApiKey): Promise<ApiKey> {
    return this.create({ ...key, revokedAt: null, revokedBy: null, lastUsedAt: null, rotatingUntil: null });
  }

  /**
   * Marks a live key as rotating until `until`, bringing its expiry forward to it (never later than it was);
   * null when the key is revoked, already rotating, or does not exist.
   */
  async markRotating(id: string, until: Date, expiresAt: Date): Promise<ApiKey | null> {
    if (!isValidObjectId(id)) return null;
    return this.findOneAndUpdate(
      { _id: new Types.ObjectId(id), revokedAt: null, rotatingUntil: null },
      { $set: { rotatingUntil: until, expiresAt } },
    );
  }

  /** Oldest first by id, starting after the given id when there is one. */
  list(limit: number, startingAfter?: string): Promise<Page<ApiKey>> {
    return this.findPage({}, { limit, ...(startingAfter === undefined ? {} : { startingAfter }) });
  }

  /** Revokes the key if it is not revoked yet; null when it was (or does not exist). */
  async revoke(id: string, revokedBy: string | null, at: Date): Promise<ApiKey | null> {
    if (!isValidObjectId(id)) return null;
    return this.findOneAndUpdate(
      { _id: new Types.ObjectId(id), revokedAt: null },
      { $set: { revokedAt: at, revokedBy } },
    );
  }
}
