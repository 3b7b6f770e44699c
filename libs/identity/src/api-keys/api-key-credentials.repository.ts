import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TenantContextService } from '@tenantpay/tenancy';
import type { Model, Types } from 'mongoose';
import type { ApiKey } from './api-key';
import { API_KEY_MODEL } from './api-key.schema';

/** Why the platform scope is entered; it names the one cross-tenant read this class does. */
const LOOKUP_REASON = 'identity: resolve an API key to its tenant';

/**
 * Finds API keys by the hash of a presented key. This runs during tenant resolution, before any tenant
 * is known (the key is what names it), so it is one of the few reads that cannot be tenant-filtered; it
 * runs in the explicit platform scope, matches one unique hash and returns only that key.
 */
@Injectable()
export class ApiKeyCredentialsRepository {
  constructor(
    @InjectModel(API_KEY_MODEL) private readonly model: Model<ApiKey>,
    private readonly tenantContext: TenantContextService,
  ) {}

  findByHash(hash: string): Promise<ApiKey | null> {
    return this.tenantContext.runAsPlatform(LOOKUP_REASON, () =>
      this.model.findOne({ hash, deletedAt: null }).lean<ApiKey>().exec(),
    );
  }

  /**
   * Records use at most once a minute per key across all instances: the update matches only when the
   * stored time is older than `notBefore`, so concurrent requests write once and the rest match nothing.
   */
  async touchLastUsed(
    id: Types.ObjectId,
    tenantId: Types.ObjectId,
    at: Date,
    notBefore: Date,
  ): Promise<void> {
    await this.tenantContext.runAsPlatform(LOOKUP_REASON, () =>
      this.model
        .updateOne(
          { _id: id, tenantId, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: notBefore } }] },
          { $set: { lastUsedAt: at } },
        )
        .exec(),
    );
  }
}
