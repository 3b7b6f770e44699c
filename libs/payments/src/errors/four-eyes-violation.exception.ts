import { DomainException, ErrorCode } from '@tenantpay/platform';

/** Approvals need a second person: the creator of a payment can never decide on it, whatever their role. */
export class FourEyesViolationException extends DomainException {
  constructor() {
    super(ErrorCode.Forbidden, 'A payment must be approved or rejected by someone other than its creator.');
  }
}
