import { type Limit, Tier } from '@tenantpay/tenancy';

import { USAGE_ALERT_THRESHOLDS } from './usage.constant';
import type { TenantUsageRow } from './usage-report';

/** One tenant's monthly transactions against its effective limit. */
export interface TenantLimitUsage {
  readonly tenantId: string;
  readonly tenantSlug: string | null;
  readonly tenantName: string | null;
  readonly tier: string | null;
  readonly transactions: {
    readonly used: number;
    readonly limit: Limit;
    /** Null for an unlimited plan: a percentage of "unlimited" means nothing. */
    readonly percentUsed: number | null;
  };
}

/** How close a tier's tenants are to their limits. */
export interface TierLimitSummary {
  readonly tier: string | null;
  readonly tenants: number;
  /** Tenants without a transactions limit. */
  readonly unlimited: number;
  /** Per alert threshold (percent), the tenants that reached it. */
  readonly reached: Readonly<Record<string, number>>;
}

/** Every tenant's usage against its limits in a period, the closest to its limit first. */
export interface UsageLimitsOverview {
  readonly period: string;
  readonly data: readonly TenantLimitUsage[];
  readonly byTier: readonly TierLimitSummary[];
}

const TIER_ORDER: readonly (string | null)[] = [...Object.values(Tier), null];

export function toUsageLimitsOverview(period: string, rows: readonly TenantUsageRow[]): UsageLimitsOverview {
  const data = rows
    .map((row): TenantLimitUsage => ({
      tenantId: row.tenantId,
      tenantSlug: row.tenantSlug,
      tenantName: row.tenantName,
      tier: row.tier,
      transactions: {
        used: row.usage.transactions,
        limit: row.limits.transactions,
        percentUsed: row.percentUsed.transactions,
      },
    }))
    .sort(
      (a, b) =>
        (b.transactions.percentUsed ?? -1) - (a.transactions.percentUsed ?? -1) ||
        b.transactions.used - a.transactions.used ||
        a.tenantId.localeCompare(b.tenantId),
    );
  const byTier = new Map<
    string | null,
    { tenants: number; unlimited: number; reached: Record<string, number> }
  >();
  for (const { tier, transactions } of data) {
    const summary = byTier.get(tier) ?? {
      tenants: 0,
      unlimited: 0,
      reached: Object.fromEntries(USAGE_ALERT_THRESHOLDS.map((threshold) => [String(threshold), 0])),
    };
    summary.tenants += 1;
    if (transactions.percentUsed === null) summary.unlimited += 1;
    for (const threshold of USAGE_ALERT_THRESHOLDS) {
      if ((transactions.percentUsed ?? -1) >= threshold)
        summary.reached[String(threshold)] = (summary.reached[String(threshold)] ?? 0) + 1;
    }
    byTier.set(tier, summary);
  }
  return {
    period,
    data,
    byTier: [...byTier.entries()]
      .map(([tier, summary]) => ({ tier, ...summary }))
      .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier)),
  };
}
