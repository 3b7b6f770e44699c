/** `GET /v1/usage`: this month's metered usage against the tier's monthly limits (no body in the document yet). */
export interface UsageReport {
  readonly period: string;
  readonly periodStart: string;
  /** When the monthly quotas reset. */
  readonly periodEnd: string;
  readonly usage: {
    readonly api_calls: number;
    readonly transactions: number;
    readonly storage_bytes: number;
    readonly bandwidth_bytes: number;
  };
  readonly limits: { readonly transactions: number | 'unlimited' };
  /** Null for an unlimited metric. */
  readonly percentUsed: { readonly transactions: number | null };
}
