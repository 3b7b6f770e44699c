import { DomainException, ErrorCode } from '@tenantpay/platform';

export class AccessDeniedException extends DomainException {
  constructor(message = 'You are not allowed to do this.') {
    super(ErrorCode.Forbidden, message);
  }
}
