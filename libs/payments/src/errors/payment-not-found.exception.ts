import { DomainException, ErrorCode } from '@tenantpay/platform';

/** Also the answer for another tenant's payment id: the two must be indistinguishable. */
export class PaymentNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'No such payment.');
  }
}
