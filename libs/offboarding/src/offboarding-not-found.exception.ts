import { DomainException, ErrorCode } from '@tenantpay/platform';

export class OffboardingNotFoundException extends DomainException {
  constructor(message = 'This tenant has no offboarding.') {
    super(ErrorCode.NotFound, message);
  }
}
