import type { PaymentMethod } from './payment-method.enum';
import type { PaymentStatus } from './payment-status.enum';

export interface PaymentListQuery {
  readonly limit: number;
  readonly startingAfter?: string;
  readonly endingBefore?: string;
  readonly status?: PaymentStatus;
  readonly currency?: string;
  readonly method?: PaymentMethod;
  readonly reference?: string;
  readonly createdGte?: Date;
  readonly createdLte?: Date;
  readonly amountGte?: number;
  readonly amountLte?: number;
}
