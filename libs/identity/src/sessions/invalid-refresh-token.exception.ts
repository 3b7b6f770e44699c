import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * A refresh token that is malformed, unknown, of an ended or expired session, or of a user who may no longer
 * sign in. One message for all: which check failed is for the log and the audit trail.
 */
export class InvalidRefreshTokenException extends DomainException {
  constructor() {
    super(ErrorCode.Unauthorized, 'The session has ended. Sign in again.');
  }
}
