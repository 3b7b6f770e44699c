import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { createIndexOutsideSchema, DataIsolationService, toTenantObjectId } from '@tenantpay/data-isolation';
import { TenantContextService, TenantNotFoundException } from '@tenantpay/tenancy';
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
 * A key lives with its tenant's data, on the tenant's placement. A key names its tenant in its visible prefix,
 * so it is looked for on that tenant's placement only, and only among that tenant's keys: a key of a bank on
 * one cluster never makes another bank's cluster be opened or asked. Keys made before the prefix named the
 * tenant (`tp_live_<random>_…`) are still searched for as before: the shared database first, then each
 * dedicated placement holding tenants (each restricted to the tenants placed there now), until the hash
 * matches; rotating such a key replaces it with one that names its tenant.
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

  /** `tenantId`: the tenant the key's prefix names, null for a key made before prefixes named it. */
  async findByHash(hash: string, tenantId: string | null): Promise<ApiKey | null> {
    if (tenantId !== null) return this.findOnTenantPlacement(hash, tenantId);
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

  private async findOnTenantPlacement(hash: string, tenantId: string): Promise<ApiKey | null> {
    let placement: string;
    try {
      placement = await this.isolation.placementOf(tenantId);
    } catch (error) {
      // A made-up key naming a tenant that does not exist matches nothing, like any unknown key.
      if (error instanceof TenantNotFoundException) return null;
      throw error;
    }
    const model = await this.isolation.modelFor(this.model, placement);
    return this.tenantContext.runAsPlatform(LOOKUP_REASON, () =>
      model
        .findOne({ hash, tenantId: toTenantObjectId(tenantId), deletedAt: null })
        .lean<ApiKey>()
        .exec(),
    );
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
