import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * An admin tried to demote or deactivate themselves. Refused so a tenant can never lock out its last
 * administrator by accident; another admin must do it.
 */
export class OwnAccountChangeException extends DomainException {
  constructor() {
    super(ErrorCode.Forbidden, 'You cannot change the role of, or deactivate, your own account.');
  }
}
