import type { UsagePeriod } from './usage-period';

/**
 * The authoritative number of payments a tenant created in a period (`createdAt` in `[period.start,
 * period.end)`), for month close. Bound by the application to the payments library; called outside any
 * tenant context, so the binding must scope its count to `tenantId` itself (platform scope).
 */
export interface TransactionCounter {
  countCreatedInPeriod(tenantId: string, period: UsagePeriod): Promise<number>;
}

export const TRANSACTION_COUNTER = Symbol('TRANSACTION_COUNTER');
