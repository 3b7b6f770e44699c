import { DomainException, ErrorCode } from '@tenantpay/platform';

/** A TOTP or recovery code that is wrong, expired, already used, or a proof (password) that does not match. */
export class InvalidMfaCodeException extends DomainException {
  constructor() {
    super(ErrorCode.InvalidMfaCode, 'The code is not valid.');
  }
}
