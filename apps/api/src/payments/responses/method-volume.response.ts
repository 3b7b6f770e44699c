import { PaymentMethod } from '@tenantpay/payments';
import { VolumeFiguresResponse } from './volume-figures.response';

/** Payments of one method in one currency. */
export class MethodVolumeResponse extends VolumeFiguresResponse {
  readonly method!: PaymentMethod;
}
