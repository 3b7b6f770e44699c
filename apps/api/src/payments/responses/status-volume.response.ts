import { PaymentStatus } from '@tenantpay/payments';
import { VolumeFiguresResponse } from './volume-figures.response';

/** Payments in one status and currency. */
export class StatusVolumeResponse extends VolumeFiguresResponse {
  readonly status!: PaymentStatus;
}
