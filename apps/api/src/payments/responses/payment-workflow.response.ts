import type { TenantPaymentWorkflow } from '@tenantpay/tenancy';
import { PaymentAmountLimitResponse } from './payment-amount-limit.response';

/** A tenant's payment rules (ENTERPRISE); an absent rule allows everything. */
export class PaymentWorkflowResponse implements TenantPaymentWorkflow {
  /** @example ["card", "sepa_credit_transfer"] */
  readonly allowedMethods?: string[];
  /** @example ["EUR", "USD"] */
  readonly allowedCurrencies?: string[];
  readonly amountLimits?: PaymentAmountLimitResponse[];
}
