import type { Limit } from '@tenantpay/tenancy';

import type { UsageCounters } from './usage-counters';

/** A tenant's usage in one period, as `GET /v1/usage` answers it. */
export interface UsageReport {
  readonly tenantId: string;
  readonly period: string;
  /** First instant of the period (UTC, inclusive). */
  readonly periodStart: string;
  /** First instant after the period (UTC, exclusive): when monthly quotas reset. */
  readonly periodEnd: string;
  /** Whether the period is closed: its numbers are final and transactions reconciled with payments. */
  readonly closed: boolean;
  readonly usage: UsageCounters;
  /** Monthly limits by metric; only metered metrics with a monthly limit appear. */
  readonly limits: { readonly transactions: Limit };
  /** Percentage of each limit used; null for unlimited. */
  readonly percentUsed: { readonly transactions: number | null };
}

/** One tenant's row of the billing export. */
export interface TenantUsageRow extends UsageReport {
  readonly tenantSlug: string | null;
  readonly tenantName: string | null;
  readonly tier: string | null;
}
