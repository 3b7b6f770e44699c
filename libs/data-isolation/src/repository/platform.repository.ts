import { type Model, trusted } from 'mongoose';
import type { DataIsolationService, PlacementShare } from '../data-isolation.service';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { copyQueryDocument } from '../guards/copy-query-value';
import { guardCount, guardOptions } from '../guards/guard-options';
import { checkPlatformPipeline } from '../guards/rewrite-pipeline';
import { type DeletedDocuments } from '../guards/tenant-condition';
import { toTenantObjectId } from '../guards/tenant-object-id';
import type { TenantOwnedFields } from '../schema/tenant-owned-fields';
import { compareBySort } from './compare-by-sort';
import type { RepositoryFilter, RepositoryPipeline, SortSpec } from './repository-options';

export interface PlatformFindOptions {
  readonly deleted?: DeletedDocuments;
  readonly sort?: SortSpec;
  readonly limit?: number;
}

/**
 * Cross-tenant access for super-admins and maintenance jobs, deliberately separate from
 * TenantAwareRepository so it can't be reached by accident. Every method works only inside
 * `TenantContextService.runAsPlatform(reason, …)` with no tenant (which routes reach only through
 * `@BypassTenantIsolation()` with `@Roles('SUPER_ADMIN')`), and every use is audited with that reason.
 * Filters and pipelines may name tenants here, but server-side JavaScript and stages that write or read
 * server state are still refused.
 *
 * Reads span every placement that holds tenants (DataIsolationService.everyPlacement), each restricted to
 * the tenants placed there now, and merge (see each method).
 */
export class PlatformRepository<T extends TenantOwnedFields> {
  constructor(
    private readonly model: Model<T>,
    protected readonly isolation: DataIsolationService,
  ) {}

  /** Read on every placement holding tenants; merged in `sort` order, then limited, as one database would. */
  async find(filter: RepositoryFilter = {}, options?: PlatformFindOptions): Promise<T[]> {
    return this.audited('find', async () => {
      const { deleted, sort, limit } = guardOptions(options, ['deleted', 'sort', 'limit'], 'options');
      const guardedLimit = guardCount(limit, 'options.limit');
      const found = await this.onEveryPlacement(({ model, tenants }) => {
        const query = model.find(platformFilter(filter, deleted, tenants)).lean();
        if (sort !== undefined) query.sort(sort);
        if (guardedLimit !== undefined) query.limit(guardedLimit);
        return query.exec() as Promise<T[]>;
      });
      if (found.length === 1) return found[0] ?? [];
      const merged = found.flat();
      if (sort !== undefined) merged.sort(compareBySort(sort));
      return guardedLimit === undefined ? merged : merged.slice(0, guardedLimit);
    });
  }

  /** Summed over every placement holding tenants. */
  async countDocuments(
    filter: RepositoryFilter = {},
    options?: { deleted?: DeletedDocuments },
  ): Promise<number> {
    return this.audited('countDocuments', async () => {
      const { deleted } = guardOptions(options, ['deleted'], 'options');
      const counts = await this.onEveryPlacement(({ model, tenants }) =>
        model.countDocuments(platformFilter(filter, deleted, tenants)).exec(),
      );
      return counts.reduce((sum, count) => sum + count, 0);
    });
  }

  /**
   * Runs on every placement holding tenants (each first restricted to the tenants placed there) and returns the
   * placements' results one after the other: a pipeline that groups or sorts across tenants must merge them
   * (sum groups with equal keys, sort again, limit again), as the single-database result would have been.
   */
  async aggregate<R = Record<string, unknown>>(pipeline: RepositoryPipeline): Promise<R[]> {
    return this.audited('aggregate', async () => {
      const results = await this.onEveryPlacement(({ model, tenants }) => {
        const checked = checkPlatformPipeline(pipeline, this.isolation.registryFor(model.db));
        const stages = tenants === null ? checked : [{ $match: tenants }, ...checked];
        return model.aggregate<R>(stages as never).exec();
      });
      return results.flat();
    });
  }

  /**
   * Physically removes one tenant's documents (retention purges, tenant erasure) on every placement, the
   * tenant's current one and any still holding a copy of it.
   */
  async hardDeleteForTenant(tenantId: string, filter: RepositoryFilter): Promise<number> {
    const tenant = toTenantObjectId(tenantId);
    return this.audited(
      'hardDeleteForTenant',
      async () => {
        let deleted = 0;
        for (const placement of this.isolation.placementNames()) {
          const model = await this.isolation.modelFor(this.model, placement);
          const result = await model
            .deleteMany({
              $and: [copyQueryDocument(filter, 'filter', { tenantId: null }), { tenantId: tenant }],
            })
            .exec();
          deleted += result.deletedCount;
        }
        return deleted;
      },
      { targetTenantId: tenantId },
    );
  }

  /** Placements are read one after the other, so a platform read holds at most one dedicated connection busy. */
  private async onEveryPlacement<R>(read: (share: PlacementShare<T>) => Promise<R>): Promise<R[]> {
    const results: R[] = [];
    for (const share of await this.isolation.everyPlacement(this.model)) results.push(await read(share));
    return results;
  }

  private async audited<R>(
    operation: string,
    work: () => Promise<R>,
    details: Record<string, unknown> = {},
  ): Promise<R> {
    const reason = this.isolation.requirePlatformScope(`PlatformRepository.${operation}`);
    const collection = this.model.collection.collectionName;
    // Recorded before the work: an attempt that fails half-way was still a cross-tenant access.
    this.isolation.recordPlatformUse(reason, operation, collection, details);
    try {
      return await work();
    } catch (error) {
      if (error instanceof CrossTenantAccessException)
        this.isolation.recordRefusal(error, operation, collection);
      throw error;
    }
  }
}

function platformFilter(
  filter: RepositoryFilter,
  deleted: DeletedDocuments | undefined,
  tenants: Record<string, unknown> | null,
): Record<string, unknown> {
  const copy = copyQueryDocument(filter, 'filter', { tenantId: null });
  const conditions = [copy, ...(tenants === null ? [] : [tenants])];
  if (deleted !== 'include')
    conditions.push(deleted === 'only' ? { deletedAt: trusted({ $ne: null }) } : { deletedAt: null });
  return conditions.length === 1 ? copy : { $and: conditions };
}
