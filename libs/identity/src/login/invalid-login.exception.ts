import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * Every failed login, whatever failed (unknown email, wrong password, inactive user or tenant): one
 * message and one status, so the answer never tells an attacker which part was right.
 */
export class InvalidLoginException extends DomainException {
  constructor() {
    super(ErrorCode.Unauthorized, 'Invalid email or password.');
  }
}
