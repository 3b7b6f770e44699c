/** `GET /v1/payments/analytics?from&to` (ANALYTICS tiers; the document declares no body yet). */
export interface PaymentAnalytics {
  readonly from: string;
  readonly to: string;
  /** One row per day, status, currency and method; `volume` in minor units of `currency`. */
  readonly rows: readonly {
    readonly day: string;
    readonly status: string;
    readonly currency: string;
    readonly method: string;
    readonly count: number;
    readonly volume: number;
  }[];
  readonly byDay: readonly {
    readonly day: string;
    readonly currency: string;
    readonly count: number;
    readonly volume: number;
  }[];
}
