import { DomainException, ErrorCode } from '@tenantpay/platform';

/** The tenant requires MFA of every user: a user cannot turn theirs off (an admin can lift the requirement). */
export class MfaRequiredByTenantException extends DomainException {
  constructor() {
    super(
      ErrorCode.Forbidden,
      'Your organisation requires multi-factor authentication; it cannot be disabled.',
    );
  }
}
