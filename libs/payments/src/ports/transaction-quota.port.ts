import type { TenantSnapshot } from '@tenantpay/tenancy';

/**
 * Transaction quota units set aside for payments not created yet: one for a single payment, one per accepted
 * row for a batch. Its id and period are fixed when it is prepared, so taking it again (a retried MongoDB
 * transaction) takes it once, and a batch stores it for the worker that creates its rows.
 */
export interface QuotaHold {
  readonly id: string;
  /** The usage period (`YYYY-MM`, UTC) whose quota it holds. */
  readonly period: string;
  readonly units: number;
  /** A batch's hold waits for the worker to create its rows, so it lives longer than a single payment's. */
  readonly forBatch: boolean;
}

/**
 * The monthly transaction quota, as payments need it (implemented by the usage library, bound by the app):
 * reserve, then commit. `reserve` takes the hold's units atomically against every other creation, or throws
 * 429 `quota_exceeded` (503 `service_unavailable` when the quota cannot be known in time); `recordCreated`
 * counts the created payment's transaction once per payment id and takes one unit off its hold; `release`
 * gives units back when creation fails. Holds whose creator died expire on their own.
 */
export interface TransactionQuota {
  /** One unit for a single payment, or one per accepted row of a batch (`batchRows`). */
  prepareHold(tenant: TenantSnapshot, batchRows?: number): QuotaHold;
  reserve(tenant: TenantSnapshot, hold: QuotaHold): Promise<void>;
  /** `units`: how many to give back (default: all the hold still has). */
  release(tenant: TenantSnapshot, hold: QuotaHold, units?: number): Promise<void>;
  /** `hold` null: a row of a batch accepted without one (its hold expired, or it predates holds). */
  recordCreated(tenant: TenantSnapshot, paymentId: string, hold: QuotaHold | null): Promise<void>;
}

export const TRANSACTION_QUOTA = Symbol('TRANSACTION_QUOTA');
