import { DomainException, ErrorCode } from '@tenantpay/platform';

export class DuplicatePaymentReferenceException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'A payment with this reference already exists.', [
      { field: 'reference', issue: 'already used by another payment of this tenant' },
    ]);
  }
}
