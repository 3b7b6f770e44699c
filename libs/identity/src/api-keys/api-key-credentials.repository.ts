import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { createIndexOutsideSchema, DataIsolationService } from '@tenantpay/data-isolation';
import { TenantContextService } from '@tenantpay/tenancy';
import { type Model, trusted, type Types } from 'mongoose';
import type { ApiKey } from './api-key';
import { API_KEY_HASH_INDEX, API_KEY_MODEL } from './api-key.schema';

/** Why the platform scope is entered; it names the one cross-tenant read this class does. */
const LOOKUP_REASON = 'identity: resolve an API key to its tenant';

/**
 * Finds API keys by the hash of a presented key. This runs during tenant resolution, before any tenant
 * is known (the key is what names it), so it is one of the few reads that cannot be tenant-filtered; it
 * runs in the explicit platform scope (outside it, the isolation plugin refuses the query), matches one
 * unique hash and returns only that key. Not PlatformRepository: that audits every call, and this one runs
 * on every API-key cache miss, including for each made-up key a client sends, so auditing it would let
 * unauthenticated traffic write the audit trail; the scope's reason names the use instead.
 *
 * A key lives with its tenant's data, on the tenant's placement: the shared database is searched first, then
 * each dedicated placement holding tenants (each restricted to the tenants placed there now), until the hash
 * matches. A dedicated tenant's key found on a cache miss may therefore connect to another dedicated
 * placement searched before its own (one unique-index probe, no document of it returned).
 */
@Injectable()
export class ApiKeyCredentialsRepository implements OnModuleInit {
  private readonly logger = new Logger(ApiKeyCredentialsRepository.name);

  constructor(
    @InjectModel(API_KEY_MODEL) private readonly model: Model<ApiKey>,
    private readonly tenantContext: TenantContextService,
    private readonly isolation: DataIsolationService,
  ) {}

  async onModuleInit(): Promise<void> {
    // See API_KEY_HASH_INDEX for why this index is created here rather than declared on the schema.
    await createIndexOutsideSchema(this.model, API_KEY_HASH_INDEX).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not create the API-key hash index'),
    );
  }

  findByHash(hash: string): Promise<ApiKey | null> {
    return this.tenantContext.runAsPlatform(LOOKUP_REASON, async () => {
      for (const { model, tenants } of await this.isolation.everyPlacement(this.model)) {
        const found = await model
          .findOne({ hash, deletedAt: null, ...(tenants ?? {}) })
          .lean<ApiKey>()
          .exec();
        if (found !== null) return found;
      }
      return null;
    });
  }

  /**
   * Records use at most once a minute per key across all instances: the update matches only when the
   * stored time is older than `notBefore`, so concurrent requests write once and the rest match nothing.
   * Names the key's own tenant, which the key named when it was found.
   */
  async touchLastUsed(
    id: Types.ObjectId,
    tenantId: Types.ObjectId,
    at: Date,
    notBefore: Date,
  ): Promise<void> {
    const placement = await this.isolation.placementOf(tenantId.toHexString());
    const model = await this.isolation.modelFor(this.model, placement);
    await this.tenantContext.runAsPlatform(LOOKUP_REASON, () =>
      model
        .updateOne(
          {
            _id: id,
            tenantId,
            $or: [{ lastUsedAt: null }, { lastUsedAt: trusted({ $lt: notBefore }) }],
          },
          { $set: { lastUsedAt: at } },
        )
        .exec(),
    );
  }
}
