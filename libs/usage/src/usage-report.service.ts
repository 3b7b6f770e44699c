import { Inject, Injectable } from '@nestjs/common';
import {
  type Limit,
  percentUsed,
  TenantAdminService,
  TenantContextService,
  type TenantLimits,
  type TenantAdminView,
} from '@tenantpay/tenancy';

import { InvalidUsagePeriodException } from './invalid-usage-period.exception';
import type { MeteredUsage } from './request-usage-meter.service';
import { USAGE_CLOCK, type UsageClock } from './usage-clock';
import { UsagePeriod } from './usage-period';
import { type ReconciledUsage, UsageReaderService } from './usage-reader.service';
import type { TenantUsageRow, UsageReport } from './usage-report';

const TENANT_PAGE_SIZE = 100;

/**
 * Usage reads: a tenant's own period (tenant from the context, never from input) and every tenant's period
 * for billing (platform scope). Periods are validated here, and a period that has not begun is refused.
 */
@Injectable()
export class UsageReportService {
  constructor(
    private readonly reader: UsageReaderService,
    private readonly tenantContext: TenantContextService,
    private readonly tenants: TenantAdminService,
    @Inject(USAGE_CLOCK) private readonly clock: UsageClock,
  ) {}

  /** `period` as given by the caller (`YYYY-MM`), or the current period when absent. */
  resolvePeriod(period: string | undefined): UsagePeriod {
    const current = UsagePeriod.containing(this.clock.now());
    if (period === undefined) return current;
    const parsed = UsagePeriod.parse(period);
    if (parsed.isAfter(current)) throw new InvalidUsagePeriodException('must not be a future month');
    return parsed;
  }

  /** `metered`: the usage hash as the request's own metering read it back, if it did. */
  async forCurrentTenant(period: string | undefined, metered?: MeteredUsage): Promise<UsageReport> {
    const tenant = this.tenantContext.getTenant();
    const resolved = this.resolvePeriod(period);
    return toReport(await this.reader.read(tenant.id, resolved, metered), resolved, tenant.limits);
  }

  /**
   * One tenant's period for a platform operator (the tenant detail screen), the same row as the billing export's:
   * a read of one tenant instead of every tenant's. 404 for an unknown tenant.
   */
  async forTenant(tenantId: string, period: string | undefined): Promise<TenantUsageRow> {
    const resolved = this.resolvePeriod(period);
    const tenant = await this.tenants.get(tenantId);
    const [usage] = await this.reader.readMany([tenant.id], resolved);
    return {
      ...toReport(usage ?? emptyUsage(tenant.id), resolved, tenant.limits),
      tenantSlug: tenant.slug,
      tenantName: tenant.name,
      tier: tenant.tier,
    };
  }

  /** Every tenant, suspended ones and those with no usage included, in the tenant listing order. */
  async forAllTenants(period: string | undefined): Promise<TenantUsageRow[]> {
    const resolved = this.resolvePeriod(period);
    const tenants = await this.allTenants();
    const usage = await this.reader.readMany(
      tenants.map((tenant) => tenant.id),
      resolved,
    );
    return tenants.map((tenant, index) => ({
      ...toReport(usage[index] ?? emptyUsage(tenant.id), resolved, tenant.limits),
      tenantSlug: tenant.slug,
      tenantName: tenant.name,
      tier: tenant.tier,
    }));
  }

  private async allTenants(): Promise<TenantAdminView[]> {
    const tenants: TenantAdminView[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const page = await this.tenants.list({
        limit: TENANT_PAGE_SIZE,
        ...(startingAfter !== undefined ? { startingAfter } : {}),
      });
      tenants.push(...page.data);
      const last = page.data.at(-1);
      if (!page.has_more || last === undefined) return tenants;
      startingAfter = last.id;
    }
  }
}

function toReport(usage: ReconciledUsage, period: UsagePeriod, limits: TenantLimits): UsageReport {
  const transactionsLimit: Limit = limits.transactionsPerMonth;
  return {
    tenantId: usage.tenantId,
    period: period.toString(),
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    closed: usage.closed,
    usage: usage.counters,
    limits: { transactions: transactionsLimit },
    percentUsed: { transactions: percentUsed(transactionsLimit, usage.counters.transactions) },
  };
}

function emptyUsage(tenantId: string): ReconciledUsage {
  return {
    tenantId,
    counters: { api_calls: 0, transactions: 0, storage_bytes: 0, bandwidth_bytes: 0 },
    closed: false,
  };
}
