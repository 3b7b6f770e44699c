import { DomainException, ErrorCode } from '@tenantpay/platform';

export class PasswordResetTokenNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.PasswordResetTokenNotFound, 'This password reset link is not valid. Ask for a new one.');
  }
}
