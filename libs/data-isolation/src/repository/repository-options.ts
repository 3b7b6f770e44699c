import type { Types } from 'mongoose';
import type { DeletedDocuments } from '../guards/tenant-condition';

export type RepositoryFilter = Record<string, unknown>;
export type RepositoryUpdate = Record<string, unknown> | Record<string, unknown>[];
export type RepositoryPipeline = Record<string, unknown>[];
export type SortSpec = Record<string, 1 | -1>;
export type ProjectionSpec = Record<string, unknown>;

export interface ReadOptions {
  readonly deleted?: DeletedDocuments;
}

export interface FindOptions extends ReadOptions {
  readonly projection?: ProjectionSpec;
  readonly sort?: SortSpec;
  readonly limit?: number;
  readonly skip?: number;
}

export interface FindOneOptions extends ReadOptions {
  readonly projection?: ProjectionSpec;
  readonly sort?: SortSpec;
}

export interface PageOptions extends ReadOptions {
  readonly limit: number;
  /** The last `_id` of the previous page. */
  readonly startingAfter?: string | Types.ObjectId;
  readonly direction?: 'asc' | 'desc';
  readonly projection?: ProjectionSpec;
}

export interface Page<T> {
  readonly items: T[];
  readonly hasMore: boolean;
  /** Pass as `startingAfter` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

export interface InsertManyOptions {
  /** Skip Mongoose's casting, validation and defaults (the isolation guards still apply). */
  readonly lean?: boolean;
}

export interface UpdateOptions {
  readonly upsert?: boolean;
  readonly arrayFilters?: Record<string, unknown>[];
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  readonly returnDocument?: 'before' | 'after';
  readonly projection?: ProjectionSpec;
  readonly sort?: SortSpec;
}

export interface ReplaceOptions {
  readonly upsert?: boolean;
}

export interface WriteSummary {
  readonly matchedCount: number;
  readonly modifiedCount: number;
  readonly upsertedCount: number;
  readonly upsertedId: Types.ObjectId | null;
}

export interface BulkWriteSummary {
  readonly insertedCount: number;
  readonly matchedCount: number;
  readonly modifiedCount: number;
  readonly upsertedCount: number;
}

/**
 * A new document as a service writes it: no tenant, soft-delete or timestamp fields. `_id` only when code needs
 * the id before the insert (it is bound into a ciphertext or an event body), and then only one the repository
 * issued (`TenantAwareRepository.newId()`): a caller-chosen id is refused (see server-assigned-id.ts).
 */
export type NewDocument<T> = Omit<
  T,
  '_id' | 'tenantId' | 'deletedAt' | 'deletedBy' | 'createdAt' | 'updatedAt'
> & {
  _id?: Types.ObjectId;
};
