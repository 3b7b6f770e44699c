import { DomainException, ErrorCode } from '@tenantpay/platform';

/** API keys and support sessions have no second factor of their own. */
export class MfaRequiresUserException extends DomainException {
  constructor() {
    super(ErrorCode.Forbidden, 'Only signed-in users have a second factor.');
  }
}
