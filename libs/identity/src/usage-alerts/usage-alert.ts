/** Usage reaching a share of a tenant's limit, as its admins are told (the usage library's threshold event). */
export interface UsageAlert {
  /** `YYYY-MM`. */
  readonly period: string;
  /** `transactions`, `api_calls`, `storage_bytes`, `bandwidth_bytes`. */
  readonly metric: string;
  readonly thresholdPercent: number;
  readonly limit: number;
  readonly value: number;
}
