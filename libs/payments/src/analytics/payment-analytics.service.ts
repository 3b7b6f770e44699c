import { Injectable } from '@nestjs/common';
import { trusted } from 'mongoose';
import { PaymentStatus } from '../payment/payment-status.enum';
import { PaymentsRepository } from '../payment/payments.repository';
import { analyticsDateRange } from './analytics-date-range';

interface Bucket {
  _id: { day: string; status: string; currency: string; method: string };
  count: number;
  volume: number;
}

export interface AnalyticsRow {
  readonly day: string;
  readonly status: string;
  readonly currency: string;
  readonly method: string;
  readonly count: number;
  /** Sum of amounts in minor units of `currency`; amounts of different currencies are never added up. */
  readonly volume: number;
}

export interface PaymentAnalytics {
  readonly from: string;
  readonly to: string;
  readonly rows: AnalyticsRow[];
  readonly byDay: Omit<AnalyticsRow, 'status' | 'method'>[];
  readonly byStatus: Omit<AnalyticsRow, 'day' | 'method'>[];
  readonly byMethod: Omit<AnalyticsRow, 'day' | 'status'>[];
  readonly byCurrency: Omit<AnalyticsRow, 'day' | 'status' | 'method'>[];
}

export interface PaymentStats {
  readonly countsByStatus: Record<string, number>;
  readonly volumeByCurrency: { currency: string; completed: number; refunded: number; count: number }[];
}

const CAPTURED = [
  PaymentStatus.Completed,
  PaymentStatus.PartiallyRefunded,
  PaymentStatus.Refunded,
] as string[];

/**
 * Tenant-scoped reporting. Each report is one aggregation through the tenant-aware repository (which puts the
 * tenant `$match` first); the breakdowns are sums over its buckets, computed here rather than by more queries.
 */
@Injectable()
export class PaymentAnalyticsService {
  constructor(private readonly payments: PaymentsRepository) {}

  /** Volume and counts by UTC day, status, currency and method for `[from, to]` (whole days). */
  async analytics(from: Date, to: Date): Promise<PaymentAnalytics> {
    const range = analyticsDateRange(from, to);
    const buckets = await this.payments.aggregate<Bucket>([
      { $match: { createdAt: trusted({ $gte: range.start, $lt: range.end }) } },
      {
        $group: {
          _id: {
            day: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt' } },
            status: '$status',
            currency: '$currency',
            method: '$method',
          },
          count: { $sum: 1 },
          volume: { $sum: '$amount' },
        },
      },
      { $sort: { '_id.day': 1, '_id.status': 1, '_id.currency': 1, '_id.method': 1 } },
    ]);
    const rows = buckets.map(({ _id, count, volume }) => ({ ..._id, count, volume }));
    return {
      from: range.from,
      to: range.to,
      rows,
      byDay: sumBy(rows, ['day', 'currency']),
      byStatus: sumBy(rows, ['status', 'currency']),
      byMethod: sumBy(rows, ['method', 'currency']),
      byCurrency: sumBy(rows, ['currency']),
    };
  }

  /** Counts by status and captured/refunded volume by currency, over all of the tenant's payments. */
  async stats(): Promise<PaymentStats> {
    const buckets = await this.payments.aggregate<{
      _id: { status: string; currency: string };
      count: number;
      volume: number;
      refunded: number;
    }>([
      {
        $group: {
          _id: { status: '$status', currency: '$currency' },
          count: { $sum: 1 },
          volume: { $sum: '$amount' },
          refunded: { $sum: '$refundedAmount' },
        },
      },
    ]);
    const countsByStatus: Record<string, number> = Object.fromEntries(
      Object.values(PaymentStatus).map((s) => [s, 0]),
    );
    const byCurrency = new Map<
      string,
      { currency: string; completed: number; refunded: number; count: number }
    >();
    for (const { _id, count, volume, refunded } of buckets) {
      countsByStatus[_id.status] = (countsByStatus[_id.status] ?? 0) + count;
      if (!CAPTURED.includes(_id.status)) continue;
      const entry = byCurrency.get(_id.currency) ?? {
        currency: _id.currency,
        completed: 0,
        refunded: 0,
        count: 0,
      };
      entry.completed += volume;
      entry.refunded += refunded;
      entry.count += count;
      byCurrency.set(_id.currency, entry);
    }
    return {
      countsByStatus,
      volumeByCurrency: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  }
}

function sumBy<K extends keyof AnalyticsRow>(rows: readonly AnalyticsRow[], keys: readonly K[]) {
  const sums = new Map<string, Record<string, unknown> & { count: number; volume: number }>();
  for (const row of rows) {
    const id = keys.map((key) => String(row[key])).join('\u0000');
    const entry = sums.get(id) ?? {
      ...Object.fromEntries(keys.map((key) => [key, row[key]])),
      count: 0,
      volume: 0,
    };
    entry.count += row.count;
    entry.volume += row.volume;
    sums.set(id, entry);
  }
  return [...sums.values()] as never[];
}
