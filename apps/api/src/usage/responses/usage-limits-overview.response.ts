import type { UsageLimitsOverview } from '@tenantpay/usage';
import { TenantLimitUsageResponse } from './tenant-limit-usage.response';
import { TierLimitSummaryResponse } from './tier-limit-summary.response';

/** Every tenant's usage against its limits in a period, closest to its limit first. */
export class UsageLimitsOverviewResponse implements UsageLimitsOverview {
  /** @example "2026-12" */
  readonly period!: string;
  readonly data!: TenantLimitUsageResponse[];
  readonly byTier!: TierLimitSummaryResponse[];
}
