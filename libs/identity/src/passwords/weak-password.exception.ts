import { DomainException, ErrorCode } from '@tenantpay/platform';

/** Which rule of the password policy a new password broke; a stable value clients may branch on. */
export type PasswordRule = 'min_length' | 'max_length' | 'common_password' | 'contains_email';

/** A new password breaks the policy; the message says which rule, never echoes the password. */
export class WeakPasswordException extends DomainException {
  constructor(
    readonly rule: PasswordRule,
    message: string,
  ) {
    super(ErrorCode.WeakPassword, message, [{ field: 'password', issue: rule }]);
  }
}
