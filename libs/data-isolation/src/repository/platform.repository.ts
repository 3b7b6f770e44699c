import { type Model, trusted } from 'mongoose';
import type { DataIsolationService } from '../data-isolation.service';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { copyQueryDocument } from '../guards/copy-query-value';
import { guardCount, guardOptions } from '../guards/guard-options';
import { checkPlatformPipeline } from '../guards/rewrite-pipeline';
import { type DeletedDocuments } from '../guards/tenant-condition';
import { toTenantObjectId } from '../guards/tenant-object-id';
import type { TenantOwnedFields } from '../schema/tenant-owned-fields';
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
 */
export class PlatformRepository<T extends TenantOwnedFields> {
  constructor(
    private readonly model: Model<T>,
    protected readonly isolation: DataIsolationService,
  ) {}

  async find(filter: RepositoryFilter = {}, options?: PlatformFindOptions): Promise<T[]> {
    return this.audited('find', async () => {
      const { deleted, sort, limit } = guardOptions(options, ['deleted', 'sort', 'limit'], 'options');
      const query = this.model.find(platformFilter(filter, deleted)).lean();
      if (sort !== undefined) query.sort(sort);
      const guardedLimit = guardCount(limit, 'options.limit');
      if (guardedLimit !== undefined) query.limit(guardedLimit);
      return (await query.exec()) as T[];
    });
  }

  async countDocuments(
    filter: RepositoryFilter = {},
    options?: { deleted?: DeletedDocuments },
  ): Promise<number> {
    return this.audited('countDocuments', async () => {
      const { deleted } = guardOptions(options, ['deleted'], 'options');
      return this.model.countDocuments(platformFilter(filter, deleted)).exec();
    });
  }

  async aggregate<R = Record<string, unknown>>(pipeline: RepositoryPipeline): Promise<R[]> {
    return this.audited('aggregate', async () => {
      const checked = checkPlatformPipeline(pipeline, this.isolation.registryFor(this.model.db));
      return this.model.aggregate<R>(checked as never).exec();
    });
  }

  /** Physically removes one tenant's documents (retention purges, tenant erasure). */
  async hardDeleteForTenant(tenantId: string, filter: RepositoryFilter): Promise<number> {
    const tenant = toTenantObjectId(tenantId);
    return this.audited(
      'hardDeleteForTenant',
      async () => {
        const result = await this.model
          .deleteMany({
            $and: [copyQueryDocument(filter, 'filter', { tenantId: null }), { tenantId: tenant }],
          })
          .exec();
        return result.deletedCount;
      },
      { targetTenantId: tenantId },
    );
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
): Record<string, unknown> {
  const copy = copyQueryDocument(filter, 'filter', { tenantId: null });
  if (deleted === 'include') return copy;
  const condition = deleted === 'only' ? { deletedAt: trusted({ $ne: null }) } : { deletedAt: null };
  return { $and: [copy, condition] };
}
