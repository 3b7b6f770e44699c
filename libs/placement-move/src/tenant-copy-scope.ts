import type { Connection, Types } from 'mongoose';

/** One tenant's data on its way from one placement to another. */
export interface TenantCopyScope {
  readonly source: Connection;
  readonly target: Connection;
  readonly tenantId: Types.ObjectId;
  /** Tenant-owned collection names (data isolation's registry); platform-owned ones are never copied. */
  readonly collections: readonly string[];
  /** Documents held in memory at once, per collection: what bounds a move's memory whatever the tenant's size. */
  readonly batchSize: number;
}
