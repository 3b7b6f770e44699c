import { DomainException, ErrorCode } from '@tenantpay/platform';

export class AuthenticationRequiredException extends DomainException {
  constructor() {
    super(ErrorCode.Unauthorized, 'Authentication is required.');
  }
}
