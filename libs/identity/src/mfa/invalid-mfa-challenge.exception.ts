import { DomainException, ErrorCode } from '@tenantpay/platform';

/** The login challenge is unknown, expired, already used, or of another tenant: log in again. */
export class InvalidMfaChallengeException extends DomainException {
  constructor() {
    super(ErrorCode.Unauthorized, 'The sign-in challenge is not valid or has expired; log in again.');
  }
}
