import type { AdmittedWrite } from '@tenantpay/placement';
import { DuplicateKeyException, isDuplicateKeyError, ValidationException } from '@tenantpay/platform';
import { type ClientSession, type Model, trusted, Types } from 'mongoose';
import type { DataIsolationService } from '../data-isolation.service';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { checkKey, copyValue } from '../guards/copy-query-value';
import { guardBulkWrite } from '../guards/guard-bulk-write';
import { guardFilter } from '../guards/guard-filter';
import { guardNewDocument } from '../guards/guard-new-document';
import { guardReplacement } from '../guards/guard-replacement';
import { guardCount, guardOptions } from '../guards/guard-options';
import { guardUpdate } from '../guards/guard-update';
import { guardUpsertFilter } from '../guards/guard-upsert-filter';
import { issueServerId } from '../guards/server-assigned-id';
import { refuse } from '../guards/refuse';
import { rewritePipeline } from '../guards/rewrite-pipeline';
import type { DeletedDocuments } from '../guards/tenant-condition';
import { createIndexOutsideSchema, type IndexOutsideSchema } from '../schema/create-index-outside-schema';
import type { TenantOwnedFields } from '../schema/tenant-owned-fields';
import { ambientSession } from '../transactions/ambient-transaction';
import type {
  BulkWriteSummary,
  FindOneAndUpdateOptions,
  FindOneOptions,
  FindOptions,
  InsertManyOptions,
  NewDocument,
  Page,
  PageOptions,
  ProjectionSpec,
  ReadOptions,
  ReplaceOptions,
  RepositoryFilter,
  RepositoryPipeline,
  RepositoryUpdate,
  SortSpec,
  UpdateOptions,
  WriteSummary,
} from './repository-options';

type Tenant = Types.ObjectId;
/** The session of the ambient transaction as Mongoose options: empty outside one. */
type SessionOption = { session: ClientSession } | Record<string, never>;

interface RawUpdateResult {
  matchedCount?: number;
  modifiedCount?: number;
  upsertedCount?: number;
  upsertedId?: unknown;
}

/**
 * The only way services touch tenant data. Every operation takes its tenant from the context (never from
 * an argument), passes the caller's filter, update, documents and pipeline through the guards (which copy
 * and judge them: see ../guards), and returns plain objects or summaries, never a Query a caller could widen.
 * Refusals are 403 `cross_tenant_access` plus a security audit event.
 *
 * Filters containing operators must mark them with Mongoose's `trusted()` because queries on tenant-owned
 * models run with `sanitizeFilter` (see the isolation plugin): `{ status: trusted({ $in: [...] }) }`. A value that arrived from a request
 * with an operator smuggled in is then compared literally instead of being obeyed.
 *
 * Inside `TransactionService.withTransaction` every operation joins the transaction (the session is ambient,
 * never a parameter). The model is private: a subclass adds methods built on these, never on the raw model, so
 * no guard is re-applied by hand and none can be forgotten.
 */
export class TenantAwareRepository<T extends TenantOwnedFields> {
  constructor(
    private readonly model: Model<T>,
    protected readonly isolation: DataIsolationService,
  ) {}

  protected get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /**
   * A fresh id for a document about to be created, for code that needs the id before the insert. The only `_id`
   * `create`, `insertMany` and bulk inserts accept: one a caller chose is refused (see server-assigned-id.ts).
   */
  newId(): Types.ObjectId {
    return issueServerId();
  }

  /** See createIndexOutsideSchema: for the few indexes that cannot start with `tenantId`. */
  protected createIndexOutsideSchema(index: IndexOutsideSchema): Promise<void> {
    return createIndexOutsideSchema(this.model, index);
  }

  async create(document: NewDocument<T>): Promise<T> {
    return this.guardedWrite('create', async (tenant, session, model) => {
      const [created] = await model.create([guardNewDocument(document, tenant)] as never, session);
      if (created === undefined) throw new Error('create returned no document');
      return (created as unknown as { toObject(): T }).toObject();
    });
  }

  /**
   * `lean` skips Mongoose's casting, validation and defaults (not the guards): several times faster for large
   * batches the server built itself (10,000 batch rows: about 0.4 s instead of 2–5 s), and the caller's
   * documents must then be complete and of the stored types.
   */
  async insertMany(documents: readonly NewDocument<T>[], options?: InsertManyOptions): Promise<T[]> {
    return this.guardedWrite('insertMany', async (tenant, session, model) => {
      if (!Array.isArray(documents)) refuse(IsolationRule.MalformedOperation, 'documents');
      const { lean } = guardOptions(options, ['lean'], 'options');
      const guarded = documents.map((document, index) =>
        guardNewDocument(document, tenant, `documents[${index}]`),
      );
      if (lean === true) {
        return (await model.insertMany(guarded as never, { ...session, lean: true })) as unknown as T[];
      }
      const inserted = (await model.insertMany(guarded as never, session)) as unknown as {
        toObject(): T;
      }[];
      return inserted.map((document) => document.toObject());
    });
  }

  async find(filter: RepositoryFilter = {}, options?: FindOptions): Promise<T[]> {
    return this.guarded('find', async (tenant, session, model) => {
      const { deleted, projection, sort, limit, skip } = guardOptions(
        options,
        ['deleted', 'projection', 'sort', 'limit', 'skip'],
        'options',
      );
      const query = model
        .find(guardFilter(filter, tenant, deletedMode(deleted)), guardProjection(projection, tenant), session)
        .lean();
      const guardedSort = guardSort(sort, tenant);
      if (guardedSort !== undefined) query.sort(guardedSort);
      const guardedSkip = guardCount(skip, 'options.skip');
      if (guardedSkip !== undefined) query.skip(guardedSkip);
      const guardedLimit = guardCount(limit, 'options.limit');
      if (guardedLimit !== undefined) query.limit(guardedLimit);
      return (await query.exec()) as T[];
    });
  }

  /** Cursor pagination in `_id` order: stable under concurrent inserts, and served by the `{ tenantId, _id }` index. */
  async findPage(filter: RepositoryFilter, options: PageOptions): Promise<Page<T>> {
    return this.guarded('findPage', async (tenant, session, model) => {
      const { deleted, limit, startingAfter, direction, projection } = guardOptions(
        options,
        ['deleted', 'limit', 'startingAfter', 'direction', 'projection'],
        'options',
      );
      const pageSize = guardCount(limit, 'options.limit');
      if (pageSize === undefined || pageSize < 1) throw invalidCursor('limit', 'must be a positive integer');
      const descending = direction === 'desc';
      const after =
        startingAfter === undefined
          ? []
          : [{ _id: trusted({ [descending ? '$lt' : '$gt']: cursorId(startingAfter) }) }];
      const items = (await model
        .find(
          guardFilter(filter, tenant, deletedMode(deleted), after),
          guardProjection(projection, tenant),
          session,
        )
        .sort({ _id: descending ? -1 : 1 })
        .limit(pageSize + 1)
        .lean()
        .exec()) as T[];
      const hasMore = items.length > pageSize;
      const page = hasMore ? items.slice(0, pageSize) : items;
      const last = page.at(-1);
      return {
        items: page,
        hasMore,
        nextCursor: hasMore && last !== undefined ? last._id.toHexString() : null,
      };
    });
  }

  async findOne(filter: RepositoryFilter, options?: FindOneOptions): Promise<T | null> {
    return this.guarded('findOne', async (tenant, session, model) => {
      const { deleted, projection, sort } = guardOptions(
        options,
        ['deleted', 'projection', 'sort'],
        'options',
      );
      const query = model
        .findOne(
          guardFilter(filter, tenant, deletedMode(deleted)),
          guardProjection(projection, tenant),
          session,
        )
        .lean();
      const guardedSort = guardSort(sort, tenant);
      if (guardedSort !== undefined) query.sort(guardedSort);
      return (await query.exec()) as T | null;
    });
  }

  /** Another tenant's id, or one that is not an id at all, answers exactly like a missing document. */
  async findById(id: string | Types.ObjectId, options?: FindOneOptions): Promise<T | null> {
    const objectId = parseObjectId(id);
    if (objectId === null) return null;
    return this.findOne({ _id: objectId }, options);
  }

  async exists(filter: RepositoryFilter, options?: ReadOptions): Promise<boolean> {
    return this.guarded('exists', async (tenant, session, model) => {
      const { deleted } = guardOptions(options, ['deleted'], 'options');
      const found = await model
        .findOne(guardFilter(filter, tenant, deletedMode(deleted)), { _id: 1 }, session)
        .lean()
        .exec();
      return found !== null;
    });
  }

  async countDocuments(filter: RepositoryFilter = {}, options?: ReadOptions): Promise<number> {
    return this.guarded('countDocuments', async (tenant, session, model) => {
      const { deleted } = guardOptions(options, ['deleted'], 'options');
      return model.countDocuments(guardFilter(filter, tenant, deletedMode(deleted)), session).exec();
    });
  }

  async distinct(field: string, filter: RepositoryFilter = {}, options?: ReadOptions): Promise<unknown[]> {
    return this.guarded('distinct', async (tenant, session, model) => {
      const { deleted } = guardOptions(options, ['deleted'], 'options');
      if (typeof field !== 'string' || field.startsWith('$') || field === '')
        refuse(IsolationRule.MalformedOperation, 'field');
      for (const segment of field.split('.')) checkKey(segment, 'field');
      return (await model
        .distinct(field, guardFilter(filter, tenant, deletedMode(deleted)), session)
        .exec()) as unknown[];
    });
  }

  async updateOne(
    filter: RepositoryFilter,
    update: RepositoryUpdate,
    options?: UpdateOptions,
  ): Promise<WriteSummary> {
    return this.guardedWrite('updateOne', async (tenant, session, model) => {
      const { guardedFilter, guardedUpdate, queryOptions } = this.prepareUpdate(
        filter,
        update,
        options,
        tenant,
      );
      return summarize(
        await model.updateOne(guardedFilter, guardedUpdate as never, { ...queryOptions, ...session }).exec(),
      );
    });
  }

  async updateMany(
    filter: RepositoryFilter,
    update: RepositoryUpdate,
    options?: UpdateOptions,
  ): Promise<WriteSummary> {
    return this.guardedWrite('updateMany', async (tenant, session, model) => {
      const { guardedFilter, guardedUpdate, queryOptions } = this.prepareUpdate(
        filter,
        update,
        options,
        tenant,
      );
      return summarize(
        await model.updateMany(guardedFilter, guardedUpdate as never, { ...queryOptions, ...session }).exec(),
      );
    });
  }

  async findOneAndUpdate(
    filter: RepositoryFilter,
    update: RepositoryUpdate,
    options?: FindOneAndUpdateOptions,
  ): Promise<T | null> {
    return this.guardedWrite('findOneAndUpdate', async (tenant, session, model) => {
      const { returnDocument, projection, sort, ...updateOptions } = guardOptions(
        options,
        ['upsert', 'arrayFilters', 'returnDocument', 'projection', 'sort'],
        'options',
      );
      const { guardedFilter, guardedUpdate, queryOptions } = this.prepareUpdate(
        filter,
        update,
        updateOptions,
        tenant,
      );
      const query = model
        .findOneAndUpdate(guardedFilter, guardedUpdate as never, {
          ...queryOptions,
          ...session,
          returnDocument: returnDocument === 'before' ? 'before' : 'after',
          projection: guardProjection(projection, tenant),
        })
        .lean();
      const guardedSort = guardSort(sort, tenant);
      if (guardedSort !== undefined) query.sort(guardedSort);
      return (await query.exec()) as T | null;
    });
  }

  async replaceOne(
    filter: RepositoryFilter,
    replacement: NewDocument<T>,
    options?: ReplaceOptions,
  ): Promise<WriteSummary> {
    return this.guardedWrite('replaceOne', async (tenant, session, model) => {
      const { upsert } = guardOptions(options, ['upsert'], 'options');
      guardUpsertFilter(filter, upsert === true);
      const result = await model
        .replaceOne(
          guardFilter(filter, tenant),
          guardReplacement(replacement, tenant, 'replacement') as never,
          {
            upsert: upsert === true,
            ...session,
          },
        )
        .exec();
      return summarize(result);
    });
  }

  async softDeleteOne(filter: RepositoryFilter): Promise<number> {
    return this.softDelete('softDeleteOne', filter, 'one');
  }

  async softDeleteMany(filter: RepositoryFilter): Promise<number> {
    return this.softDelete('softDeleteMany', filter, 'many');
  }

  async restoreOne(filter: RepositoryFilter): Promise<number> {
    return this.restore('restoreOne', filter, 'one');
  }

  async restoreMany(filter: RepositoryFilter): Promise<number> {
    return this.restore('restoreMany', filter, 'many');
  }

  /**
   * Removes one document for good, for records whose whole purpose ends with them (a released idempotency
   * claim must free its key, which a soft-deleted record would keep taken). Tenant data is soft-deleted.
   */
  async deleteOnePermanently(filter: RepositoryFilter): Promise<number> {
    return this.guardedWrite('deleteOnePermanently', async (tenant, session, model, write) => {
      const { recordDeletions } = write;
      if (recordDeletions === undefined)
        return (await model.deleteOne(guardFilter(filter, tenant), session).exec()).deletedCount;
      // The tenant is moving: the id is recorded for the mover before the document goes (see
      // AdmittedWrite.recordDeletions). A document that stops matching between the two is looked for again,
      // so this still deletes one matching document whenever one matches at the delete.
      for (;;) {
        const doomed = (await model
          .findOne(guardFilter(filter, tenant), { _id: 1 }, session)
          .lean()
          .exec()) as { _id: Types.ObjectId } | null;
        if (doomed === null) return 0;
        await recordDeletions(this.collectionName, [doomed._id]);
        const result = await model
          .deleteOne(guardFilter(filter, tenant, 'exclude', [{ _id: doomed._id }]), session)
          .exec();
        if (result.deletedCount > 0) return result.deletedCount;
      }
    });
  }

  /** Deletes in a bulk write are soft deletes, as everywhere in the tenant API. */
  async bulkWrite(operations: readonly Record<string, unknown>[]): Promise<BulkWriteSummary> {
    return this.guardedWrite('bulkWrite', async (tenant, session, model) => {
      const guarded = guardBulkWrite(operations, tenant, {
        deletedAt: new Date(),
        deletedBy: this.isolation.actorId(),
      });
      if (guarded.length === 0)
        return { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
      const result = await model.bulkWrite(guarded as never, { ordered: true, ...session });
      return {
        insertedCount: result.insertedCount,
        matchedCount: result.matchedCount,
        modifiedCount: result.modifiedCount,
        upsertedCount: result.upsertedCount,
      };
    });
  }

  async aggregate<R = Record<string, unknown>>(
    pipeline: RepositoryPipeline,
    options?: ReadOptions,
  ): Promise<R[]> {
    return this.guarded('aggregate', async (tenant, session, model) => {
      const { deleted } = guardOptions(options, ['deleted'], 'options');
      const rewritten = rewritePipeline(pipeline, tenant, this.isolation.registryFor(model.db), {
        deleted: deletedMode(deleted),
      });
      return model.aggregate<R>(rewritten as never, session).exec();
    });
  }

  /**
   * Streams matching documents as plain objects. The query (and its tenant) is fixed when this is called,
   * not when iteration starts, so handing the stream to code running in another context changes nothing.
   */
  stream(filter: RepositoryFilter = {}, options?: FindOptions): AsyncIterable<T> {
    const tenant = this.isolation.tenantObjectId();
    const placement = this.isolation.placement();
    const session = sessionOption(tenant, placement);
    let find: (model: Model<T>) => AsyncIterable<unknown>;
    try {
      const { deleted, projection, sort, limit } = guardOptions(
        options,
        ['deleted', 'projection', 'sort', 'limit'],
        'options',
      );
      const guardedFilter = guardFilter(filter, tenant, deletedMode(deleted));
      const guardedProjection = guardProjection(projection, tenant);
      const guardedSort = guardSort(sort, tenant);
      const guardedLimit = guardCount(limit, 'options.limit');
      find = (model) => {
        const query = model.find(guardedFilter, guardedProjection, session).lean();
        if (guardedSort !== undefined) query.sort(guardedSort);
        if (guardedLimit !== undefined) query.limit(guardedLimit);
        return query.cursor();
      };
    } catch (error) {
      this.noteRefusal(error, 'stream');
      throw error;
    }
    // The placement's connection may have to be opened: that waits for the first iteration.
    const placed = this.isolation.modelFor(this.model, placement);
    // Handled here so a stream never iterated leaves no unhandled rejection; iteration rethrows it.
    placed.catch(() => undefined);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const document of find(await placed)) yield document as T;
      },
    };
  }

  private prepareUpdate(
    filter: RepositoryFilter,
    update: RepositoryUpdate,
    options: UpdateOptions | undefined,
    tenant: Tenant,
  ) {
    const { upsert, arrayFilters } = guardOptions(options, ['upsert', 'arrayFilters'], 'options');
    guardUpsertFilter(filter, upsert === true);
    const guardedUpdate = guardUpdate(update, tenant, { upsert: upsert === true });
    const queryOptions: Record<string, unknown> = { upsert: upsert === true };
    if (Array.isArray(guardedUpdate)) queryOptions['updatePipeline'] = true;
    if (arrayFilters !== undefined) {
      const guardedArrayFilters = copyValue(arrayFilters, 'options.arrayFilters', { tenantId: tenant });
      if (!Array.isArray(guardedArrayFilters))
        refuse(IsolationRule.MalformedOperation, 'options.arrayFilters');
      queryOptions['arrayFilters'] = guardedArrayFilters;
    }
    return { guardedFilter: guardFilter(filter, tenant), guardedUpdate, queryOptions };
  }

  private async softDelete(
    operation: string,
    filter: RepositoryFilter,
    scope: 'one' | 'many',
  ): Promise<number> {
    return this.guardedWrite(operation, async (tenant, session, model) => {
      const guarded = guardFilter(filter, tenant, 'exclude');
      const update = { $set: { deletedAt: new Date(), deletedBy: this.isolation.actorId() } };
      const result =
        scope === 'one'
          ? await model.updateOne(guarded, update as never, session).exec()
          : await model.updateMany(guarded, update as never, session).exec();
      return result.modifiedCount;
    });
  }

  private async restore(operation: string, filter: RepositoryFilter, scope: 'one' | 'many'): Promise<number> {
    return this.guardedWrite(operation, async (tenant, session, model) => {
      const guarded = guardFilter(filter, tenant, 'only');
      const update = { $set: { deletedAt: null, deletedBy: null } };
      const result =
        scope === 'one'
          ? await model.updateOne(guarded, update as never, session).exec()
          : await model.updateMany(guarded, update as never, session).exec();
      return result.modifiedCount;
    });
  }

  /**
   * Resolves the tenant, its placement's model and the ambient transaction's session, runs the operation, and
   * audits a refusal before passing it on. A duplicate-key error leaves as a DuplicateKeyException, which names
   * the index and its fields but no value.
   */
  private async guarded<R>(
    operation: string,
    work: (tenant: Tenant, session: SessionOption, model: Model<T>) => Promise<R>,
  ): Promise<R> {
    const tenant = this.isolation.tenantObjectId();
    const placement = this.isolation.placement();
    try {
      const session = sessionOption(tenant, placement);
      return await work(tenant, session, await this.isolation.modelFor(this.model, placement));
    } catch (error) {
      this.noteRefusal(error, operation);
      throw isDuplicateKeyError(error) ? DuplicateKeyException.from(error) : error;
    }
  }

  /** {@link guarded} for a write: the placement write gate is asked first (a move may be switching it). */
  private async guardedWrite<R>(
    operation: string,
    work: (tenant: Tenant, session: SessionOption, model: Model<T>, write: AdmittedWrite) => Promise<R>,
  ): Promise<R> {
    return this.guarded(operation, async (tenant, session, model) => {
      const write = await this.isolation.admitWrite(tenant.toHexString());
      const result = await work(tenant, session, model, write);
      // Inside a transaction the write lands at the commit, after this: its lease ends its time in flight.
      if (!('session' in session)) write.landed();
      return result;
    });
  }

  private noteRefusal(error: unknown, operation: string): void {
    if (error instanceof CrossTenantAccessException) {
      this.isolation.recordRefusal(error, operation, this.collectionName);
    }
  }
}

function sessionOption(tenant: Tenant, placement: string): SessionOption {
  const session = ambientSession(tenant.toHexString(), placement);
  return session === undefined ? {} : { session };
}

function deletedMode(value: unknown): DeletedDocuments {
  if (value === undefined) return 'exclude';
  if (value === 'exclude' || value === 'include' || value === 'only') return value;
  refuse(IsolationRule.MalformedOperation, 'options.deleted');
}

function guardProjection(
  projection: ProjectionSpec | undefined,
  tenant: Tenant,
): Record<string, unknown> | undefined {
  if (projection === undefined) return undefined;
  return copyValue(projection, 'options.projection', { tenantId: tenant }, 'stage') as Record<
    string,
    unknown
  >;
}

function guardSort(sort: SortSpec | undefined, tenant: Tenant): Record<string, 1 | -1> | undefined {
  if (sort === undefined) return undefined;
  const copy = copyValue(sort, 'options.sort', { tenantId: tenant }, 'stage') as Record<string, unknown>;
  for (const [field, direction] of Object.entries(copy)) {
    if (direction !== 1 && direction !== -1)
      refuse(IsolationRule.MalformedOperation, `options.sort.${field}`);
    if (field.startsWith('$')) refuse(IsolationRule.MalformedOperation, `options.sort.${field}`);
  }
  return copy as Record<string, 1 | -1>;
}

function parseObjectId(id: unknown): Types.ObjectId | null {
  if (id instanceof Types.ObjectId) return id;
  return typeof id === 'string' && /^[0-9a-fA-F]{24}$/.test(id) ? new Types.ObjectId(id) : null;
}

function cursorId(value: unknown): Types.ObjectId {
  const id = parseObjectId(value);
  if (id === null) throw invalidCursor('startingAfter', 'is not a valid cursor');
  return id;
}

function invalidCursor(field: string, issue: string): ValidationException {
  return new ValidationException([{ field, issue }]);
}

function summarize(result: RawUpdateResult): WriteSummary {
  return {
    matchedCount: result.matchedCount ?? 0,
    modifiedCount: result.modifiedCount ?? 0,
    upsertedCount: result.upsertedCount ?? 0,
    upsertedId: result.upsertedId instanceof Types.ObjectId ? result.upsertedId : null,
  };
}
