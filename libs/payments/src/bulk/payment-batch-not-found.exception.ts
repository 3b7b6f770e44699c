import { DomainException, ErrorCode } from '@tenantpay/platform';

/** Also the answer for another tenant's batch id: the two must be indistinguishable. */
export class PaymentBatchNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'No such payment batch.');
  }
}
