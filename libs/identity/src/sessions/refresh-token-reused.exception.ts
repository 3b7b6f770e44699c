import { DomainException, ErrorCode } from '@tenantpay/platform';

/** A refresh token was used twice: the session ended, for its legitimate holder and whoever copied it. */
export class RefreshTokenReusedException extends DomainException {
  constructor() {
    super(
      ErrorCode.RefreshTokenReused,
      'This refresh token was already used, so the session was ended for safety. Sign in again.',
    );
  }
}
