import { type ErrorDetail, ValidationException } from '@tenantpay/platform';

/** The payment breaks a rule of the tenant's custom payment workflow (ENTERPRISE). */
export class PaymentWorkflowViolationException extends ValidationException {
  constructor(details: readonly ErrorDetail[]) {
    super(details, "The payment is not allowed by the tenant's payment workflow.");
  }
}
