import type { AnalyticsRow } from '@tenantpay/payments';
import { PaymentMethod, PaymentStatus } from '@tenantpay/payments';
import { VolumeFiguresResponse } from './volume-figures.response';

/** Payments of one day, status, method and currency. */
export class AnalyticsRowResponse extends VolumeFiguresResponse implements AnalyticsRow {
  /** @example "2026-12-01" */
  readonly day!: string;
  readonly status!: PaymentStatus;
  readonly method!: PaymentMethod;
}
