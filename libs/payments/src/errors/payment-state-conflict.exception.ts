import { DomainException, ErrorCode } from '@tenantpay/platform';

/** The payment is not in a status that allows the requested move, or another request moved it first. */
export class PaymentStateConflictException extends DomainException {
  constructor(message = 'The payment was changed by another request; reload it and try again.') {
    super(ErrorCode.Conflict, message);
  }
}
