import { DomainException, ErrorCode } from '@tenantpay/platform';

export class DeadLetterNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'No such failed payment job.');
  }
}
