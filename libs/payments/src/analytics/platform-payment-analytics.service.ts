import { Injectable } from '@nestjs/common';
import { TenantAdminService, type TenantAdminView, Tier } from '@tenantpay/tenancy';
import { trusted, type Types } from 'mongoose';
import type { PaymentStatus } from '../payment/payment-status.enum';
import { PlatformPaymentsRepository } from '../payment/platform-payments.repository';
import { type AnalyticsDateRange, analyticsDateRange } from './analytics-date-range';
import { PaymentVolumeGrouping, type PaymentVolumeGroupingValue } from './payment-volume-grouping';

/** Count and volume of the payments created in the range, whatever their status (as the tenant reports). */
export interface VolumeFigures {
  readonly currency: string;
  readonly count: number;
  /** Sum of amounts in minor units of `currency`; amounts of different currencies are never added up. */
  readonly volume: number;
}

/** The tenant's details as they are now; null for a tenant that no longer exists. */
export interface TenantDetails {
  readonly tenantId: string;
  readonly tenantSlug: string | null;
  readonly tenantName: string | null;
  readonly tier: Tier | null;
}

export type TenantVolumeRow = TenantDetails & VolumeFigures;
export type TierVolumeRow = VolumeFigures & {
  readonly tier: Tier | null;
  /** Tenants of the tier with payments in the range (in this currency). */
  readonly tenants: number;
};
export type StatusVolumeRow = VolumeFigures & { readonly status: PaymentStatus };
export type DayVolumeRow = VolumeFigures & { readonly day: string };

export interface PlatformPaymentVolumes {
  readonly from: string;
  readonly to: string;
  readonly groupBy: PaymentVolumeGroupingValue;
  readonly data: readonly (TenantVolumeRow | TierVolumeRow | StatusVolumeRow | DayVolumeRow)[];
  readonly totals: readonly VolumeFigures[];
}

export interface TopTenantsQuery {
  readonly currency: string;
  readonly limit: number;
  /** Ranks by the volume of payments in this status only (e.g. COMPLETED); every status when absent. */
  readonly status?: PaymentStatus;
}

export interface TopTenants {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly status: PaymentStatus | null;
  readonly data: readonly (TenantDetails & Omit<VolumeFigures, 'currency'> & { readonly rank: number })[];
}

type Bucket<K> = { _id: K & { currency: string }; count: number; volume: number };

const TIER_ORDER: readonly (Tier | null)[] = [...Object.values(Tier), null];

/**
 * Cross-tenant payment reports for super-admins (SPEC §10). Every query goes through PlatformPaymentsRepository,
 * so it runs only in the platform scope of a `@BypassTenantIsolation` route and is audited with its reason.
 * Each report is one aggregation whose groups are few (tenants × currencies at most); tenant details are then
 * joined here with one query on `tenants`. A `$lookup` into `tenants` is refused by the pipeline guard, and it
 * must stay so: declaring `tenants` a shared collection would let every tenant's pipelines join every tenant.
 * Tiers are the tenants' current tiers, not the tier at the time of each payment.
 */
@Injectable()
export class PlatformPaymentAnalyticsService {
  constructor(
    private readonly payments: PlatformPaymentsRepository,
    private readonly tenants: TenantAdminService,
  ) {}

  /** Count and volume per currency and per tenant, tier, status or UTC day, for `[from, to]` (whole days). */
  async volumes(from: Date, to: Date, groupBy: PaymentVolumeGroupingValue): Promise<PlatformPaymentVolumes> {
    const range = analyticsDateRange(from, to);
    const data = await this.rows(range, groupBy);
    return { from: range.from, to: range.to, groupBy, data, totals: totalsByCurrency(data) };
  }

  /** The tenants with the largest volume in one currency (volumes in different currencies do not compare). */
  async topTenants(from: Date, to: Date, query: TopTenantsQuery): Promise<TopTenants> {
    const range = analyticsDateRange(from, to);
    const buckets = await this.payments.aggregate<{ _id: Types.ObjectId; count: number; volume: number }>([
      {
        $match: {
          ...createdIn(range),
          currency: query.currency,
          ...(query.status !== undefined ? { status: query.status } : {}),
        },
      },
      { $group: { _id: '$tenantId', count: { $sum: 1 }, volume: { $sum: '$amount' } } },
      // The id breaks ties, so equal volumes come back in the same order every time.
      { $sort: { volume: -1, _id: 1 } },
      { $limit: query.limit },
    ]);
    // One top list per placement (each tenant in exactly one): the same order again over all, and the limit.
    buckets.sort((a, b) => b.volume - a.volume || a._id.toHexString().localeCompare(b._id.toHexString()));
    buckets.splice(query.limit);
    const details = await this.tenantDetails(buckets.map(({ _id }) => _id.toHexString()));
    return {
      from: range.from,
      to: range.to,
      currency: query.currency,
      status: query.status ?? null,
      data: buckets.map(({ _id, count, volume }, index) => ({
        rank: index + 1,
        ...details(_id.toHexString()),
        count,
        volume,
      })),
    };
  }

  private async rows(range: AnalyticsDateRange, groupBy: PaymentVolumeGroupingValue) {
    switch (groupBy) {
      case PaymentVolumeGrouping.Tenant:
        return this.byTenant(range);
      case PaymentVolumeGrouping.Tier:
        return byTier(await this.byTenant(range));
      case PaymentVolumeGrouping.Status:
        return (await this.group<{ status: PaymentStatus }>(range, { status: '$status' }))
          .map(({ _id, count, volume }): StatusVolumeRow => ({ ..._id, count, volume }))
          .sort((a, b) => a.status.localeCompare(b.status) || a.currency.localeCompare(b.currency));
      case PaymentVolumeGrouping.Day:
        return (
          await this.group<{ day: string }>(range, {
            day: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt' } },
          })
        )
          .map(({ _id, count, volume }): DayVolumeRow => ({ ..._id, count, volume }))
          .sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency));
    }
  }

  /** Largest volume first within each currency. */
  private async byTenant(range: AnalyticsDateRange): Promise<TenantVolumeRow[]> {
    const buckets = await this.group<{ tenantId: Types.ObjectId }>(range, { tenantId: '$tenantId' });
    const details = await this.tenantDetails(buckets.map(({ _id }) => _id.tenantId.toHexString()));
    return buckets
      .map(({ _id, count, volume }) => ({
        ...details(_id.tenantId.toHexString()),
        currency: _id.currency,
        count,
        volume,
      }))
      .sort(
        (a, b) =>
          a.currency.localeCompare(b.currency) || b.volume - a.volume || a.tenantId.localeCompare(b.tenantId),
      );
  }

  /** Groups of every placement, those with equal keys (a day or status seen on several) summed into one. */
  private async group<K>(range: AnalyticsDateRange, key: Record<string, unknown>): Promise<Bucket<K>[]> {
    const buckets = await this.payments.aggregate<Bucket<K>>([
      { $match: createdIn(range) },
      {
        $group: {
          _id: { ...key, currency: '$currency' },
          count: { $sum: 1 },
          volume: { $sum: '$amount' },
        },
      },
    ]);
    const merged = new Map<string, Bucket<K>>();
    for (const bucket of buckets) {
      const id = JSON.stringify(bucket._id);
      const seen = merged.get(id);
      merged.set(
        id,
        seen === undefined
          ? bucket
          : { ...seen, count: seen.count + bucket.count, volume: seen.volume + bucket.volume },
      );
    }
    return [...merged.values()];
  }

  private async tenantDetails(ids: readonly string[]): Promise<(id: string) => TenantDetails> {
    const tenants = new Map<string, TenantAdminView>(
      (await this.tenants.getMany([...new Set(ids)])).map((tenant) => [tenant.id, tenant]),
    );
    return (id) => {
      const tenant = tenants.get(id);
      return {
        tenantId: id,
        tenantSlug: tenant?.slug ?? null,
        tenantName: tenant?.name ?? null,
        tier: tenant?.tier ?? null,
      };
    };
  }
}

/**
 * Payments created in the range, of every tenant. The `tenantId` condition matches every tenant; it is
 * there so the `{ tenantId: 1, createdAt: 1 }` index serves this cross-tenant scan (a query must constrain
 * an index's first field for the planner to use it): the scan seeks to the range within each tenant.
 */
function createdIn(range: AnalyticsDateRange): Record<string, unknown> {
  return {
    tenantId: trusted({ $type: 'objectId' }),
    createdAt: trusted({ $gte: range.start, $lt: range.end }),
    deletedAt: null,
  };
}

function byTier(rows: readonly TenantVolumeRow[]): TierVolumeRow[] {
  const sums = new Map<string, { tier: Tier | null; currency: string; tenants: number } & VolumeFigures>();
  for (const row of rows) {
    const id = `${row.tier ?? ''}\u0000${row.currency}`;
    const entry = sums.get(id) ?? { tier: row.tier, currency: row.currency, tenants: 0, count: 0, volume: 0 };
    // Rows are per tenant and currency, so each row is one more tenant of the tier in this currency.
    sums.set(id, {
      ...entry,
      tenants: entry.tenants + 1,
      count: entry.count + row.count,
      volume: entry.volume + row.volume,
    });
  }
  return [...sums.values()].sort(
    (a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || a.currency.localeCompare(b.currency),
  );
}

function totalsByCurrency(rows: readonly VolumeFigures[]): VolumeFigures[] {
  const totals = new Map<string, { currency: string; count: number; volume: number }>();
  for (const { currency, count, volume } of rows) {
    const entry = totals.get(currency) ?? { currency, count: 0, volume: 0 };
    entry.count += count;
    entry.volume += volume;
    totals.set(currency, entry);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
