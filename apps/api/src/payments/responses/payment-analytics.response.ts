import type { PaymentAnalytics } from '@tenantpay/payments';
import { AnalyticsRowResponse } from './analytics-row.response';
import { DayVolumeResponse } from './day-volume.response';
import { MethodVolumeResponse } from './method-volume.response';
import { StatusVolumeResponse } from './status-volume.response';
import { VolumeFiguresResponse } from './volume-figures.response';

/** The tenant's payments in a date range, by day, status, method and currency. */
export class PaymentAnalyticsResponse implements PaymentAnalytics {
  readonly from!: string;
  readonly to!: string;
  readonly rows!: AnalyticsRowResponse[];
  readonly byDay!: DayVolumeResponse[];
  readonly byStatus!: StatusVolumeResponse[];
  readonly byMethod!: MethodVolumeResponse[];
  readonly byCurrency!: VolumeFiguresResponse[];
}
