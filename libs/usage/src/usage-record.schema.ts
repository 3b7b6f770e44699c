import { Schema } from 'mongoose';

export const USAGE_RECORD_COLLECTION = 'usage_records';
export const USAGE_RECORD_MODEL = 'UsageRecord';

/**
 * The durable copy of one tenant's usage in one period. A platform-owned collection, like the audit trail
 * and unlike tenant-owned business data: the platform writes it about the tenant (the worker copies every
 * tenant's counters in one bulk write), billing reads it across tenants, tenants only ever read their own
 * through UsageReportService (tenant id from the context, never from input), and nothing is soft-deleted.
 * Counters only rise (`$max`) until the period is closed.
 */
export interface UsageRecordDocument {
  tenantId: string;
  /** `YYYY-MM` (UTC); sorts chronologically as a string. */
  period: string;
  api_calls: number;
  transactions: number;
  storage_bytes: number;
  bandwidth_bytes: number;
  /** Threshold percentages already alerted in this period: a second guard after Redis lost its flags. */
  notifiedThresholds: number[];
  /**
   * Producer id → its marks for this period (`floor`, and `applied` sequences above it as keys set to true):
   * restored into Redis with the counters after Redis lost them, so replays are not counted twice.
   */
  producers?: Record<string, { floor: number; applied?: Record<string, true> }>;
  /**
   * The tenant's storage total (StorageTotal) as the sync read it with `producers`; absent until a sync read
   * a total with its baseline. Tenant-wide, not per period: the largest over the tenant's records is the latest.
   */
  storageGrown?: number;
  storageShrunk?: number;
  /** Set at month close; the counters are then final and transactions match the payments. */
  closedAt: Date | null;
  /** What metering had counted when the period was closed, kept when reconciliation corrected it. */
  meteredTransactions: number | null;
  createdAt: Date;
  updatedAt: Date;
}

const counter = { type: Number, required: true, default: 0, min: 0 };

export const UsageRecordSchema = new Schema<UsageRecordDocument>(
  {
    tenantId: { type: String, required: true },
    period: { type: String, required: true, match: /^\d{4}-(0[1-9]|1[0-2])$/ },
    api_calls: counter,
    transactions: counter,
    storage_bytes: counter,
    bandwidth_bytes: counter,
    notifiedThresholds: { type: [Number], default: () => [] },
    producers: { type: Schema.Types.Mixed },
    storageGrown: { type: Number, min: 0 },
    storageShrunk: { type: Number, min: 0 },
    closedAt: { type: Date, default: null },
    meteredTransactions: { type: Number, default: null },
  },
  {
    collection: USAGE_RECORD_COLLECTION,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
    versionKey: false,
    timestamps: true,
  },
);

// One document per tenant and period (the sync's upsert relies on it); a tenant's read: `{ tenantId, period }`;
// a lost storage total's re-base reads every period of one tenant: `{ tenantId }` (the index's prefix).
UsageRecordSchema.index({ tenantId: 1, period: 1 }, { unique: true });
// Billing export and month close: every tenant of a period, `find({ period })` / `{ period: { $lt }, closedAt: null }`.
UsageRecordSchema.index({ period: 1, closedAt: 1 });
