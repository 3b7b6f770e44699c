import type { UsageCounters } from '@tenantpay/usage';

/** What was metered in a period. */
export class UsageCountersResponse implements UsageCounters {
  /** @example 48210 */
  readonly api_calls!: number;
  /** @example 1312 */
  readonly transactions!: number;
  /** The highest stored size measured in the period: the maximum, never a sum. */
  readonly storage_bytes!: number;
  readonly bandwidth_bytes!: number;
}
