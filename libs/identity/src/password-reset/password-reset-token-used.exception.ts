import { DomainException, ErrorCode } from '@tenantpay/platform';

export class PasswordResetTokenUsedException extends DomainException {
  constructor() {
    super(
      ErrorCode.PasswordResetTokenUsed,
      'This password reset link was already used or replaced by a newer one. Ask for a new one if needed.',
    );
  }
}
