import { DomainException, ErrorCode } from '@tenantpay/platform';

export class PasswordResetTokenExpiredException extends DomainException {
  constructor() {
    super(
      ErrorCode.PasswordResetTokenExpired,
      'This password reset link has expired (links work for 30 minutes). Ask for a new one.',
    );
  }
}
