import type { TenantPaymentAmountLimit } from '@tenantpay/tenancy';

/** Amount rules for payments in one currency, in its integer minor units. */
export class PaymentAmountLimitResponse implements TenantPaymentAmountLimit {
  /** @example "EUR" */
  readonly currency!: string;
  /** Payments above it are refused. @example 5000000 */
  readonly maxAmount?: number;
  /** Payments above it wait for an approval. @example 1000000 */
  readonly approvalThreshold?: number;
}
