import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DataIsolationService,
  guardFilter,
  guardNewDocument,
  guardUpdate,
  TenantAwareRepository,
} from '@tenantpay/data-isolation';
import { type ClientSession, isValidObjectId, type Model, Types } from 'mongoose';
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
 * The current tenant's API keys, for their management. Rotation revokes and inserts in one transaction, and
 * TenantAwareRepository has no session parameter, so `insert` and `revoke` apply its guards themselves.
 * Authentication by key, which happens before a tenant is known, goes through ApiKeyCredentialsRepository.
 */
@Injectable()
export class ApiKeysRepository extends TenantAwareRepository<ApiKey> {
  constructor(@InjectModel(API_KEY_MODEL) model: Model<ApiKey>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  async insert(key: NewApiKey, session: ClientSession | null = null): Promise<ApiKey> {
    const tenant = this.isolation.tenantObjectId();
    const document = guardNewDocument({ ...key, revokedAt: null, revokedBy: null, lastUsedAt: null }, tenant);
    const [created] = await this.model.create([document], { session });
    if (created === undefined) throw new Error('insert returned no document');
    return created.toObject() as ApiKey;
  }

  list(limit: number): Promise<ApiKey[]> {
    return this.find({}, { sort: { _id: 1 }, limit });
  }

  /** Revokes the key if it is not revoked yet; null when it was (or does not exist). */
  async revoke(
    id: string,
    revokedBy: string | null,
    at: Date,
    session: ClientSession | null = null,
  ): Promise<ApiKey | null> {
    if (!isValidObjectId(id)) return null;
    const tenant = this.isolation.tenantObjectId();
    const filter = guardFilter({ _id: new Types.ObjectId(id), revokedAt: null }, tenant);
    const update = guardUpdate({ $set: { revokedAt: at, revokedBy } }, tenant);
    return (await this.model
      .findOneAndUpdate(filter, update as never, { returnDocument: 'after', session })
      .lean()
      .exec()) as ApiKey | null;
  }
}
