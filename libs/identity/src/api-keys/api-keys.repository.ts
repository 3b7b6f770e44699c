import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TenantContextService } from '@tenantpay/tenancy';
import { type ClientSession, isValidObjectId, type Model, type QueryFilter, Types } from 'mongoose';
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
 * The current tenant's API keys, for their management. Like UsersRepository, the tenant id comes only
 * from the tenant context and is in every filter and write. Authentication by key, which happens before
 * a tenant is known, goes through ApiKeyCredentialsRepository instead.
 */
@Injectable()
export class ApiKeysRepository {
  constructor(
    @InjectModel(API_KEY_MODEL) private readonly model: Model<ApiKey>,
    private readonly tenantContext: TenantContextService,
  ) {}

  async insert(key: NewApiKey, session?: ClientSession): Promise<ApiKey> {
    const [created] = await this.model.create([{ ...key, tenantId: this.tenantId() }], {
      session: session ?? null,
    });
    if (created === undefined) throw new Error('insert returned no document');
    return created.toObject<ApiKey>();
  }

  async findById(id: string): Promise<ApiKey | null> {
    if (!isValidObjectId(id)) return null;
    return this.model
      .findOne(this.scoped({ _id: new Types.ObjectId(id) }))
      .lean<ApiKey>()
      .exec();
  }

  list(limit: number): Promise<ApiKey[]> {
    return this.model.find(this.scoped({})).sort({ _id: 1 }).limit(limit).lean<ApiKey[]>().exec();
  }

  /** Revokes the key if it is not revoked yet; null when it was (or does not exist). */
  async revoke(
    id: string,
    revokedBy: string | null,
    at: Date,
    session?: ClientSession,
  ): Promise<ApiKey | null> {
    if (!isValidObjectId(id)) return null;
    return this.model
      .findOneAndUpdate(
        this.scoped({ _id: new Types.ObjectId(id), revokedAt: null }),
        { $set: { revokedAt: at, revokedBy } },
        { returnDocument: 'after', session: session ?? null },
      )
      .lean<ApiKey>()
      .exec();
  }

  private scoped(filter: QueryFilter<ApiKey>): QueryFilter<ApiKey> {
    return { ...filter, tenantId: this.tenantId(), deletedAt: null };
  }

  private tenantId(): Types.ObjectId {
    return new Types.ObjectId(this.tenantContext.getTenantId());
  }
}
