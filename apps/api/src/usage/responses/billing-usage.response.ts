import { TenantUsageRowResponse } from './tenant-usage-row.response';

/** Every tenant's usage in one billing period. */
export class BillingUsageResponse {
  /** @example "2026-11" */
  readonly period!: string;
  readonly data!: TenantUsageRowResponse[];
}
