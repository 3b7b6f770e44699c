import type { ErrorDetail } from '@tenantpay/platform';
import type { CreatePaymentInput } from '../payment/create-payment-input';

/**
 * One row of a submitted batch after the caller's input validation (the same rules as a single payment):
 * either a valid payment or the reasons it is not one. The service adds the checks that need data
 * (references, the tenant's workflow) before accepting it.
 */
export type PaymentBatchRow =
  | { readonly valid: true; readonly input: CreatePaymentInput }
  | { readonly valid: false; readonly errors: readonly ErrorDetail[]; readonly reference: string | null };
