import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * A presented access token or API key is malformed, tampered with, expired, revoked or unknown. One
 * message for all of them: which check failed is for the log, not for the caller.
 */
export class InvalidCredentialException extends DomainException {
  constructor() {
    super(ErrorCode.Unauthorized, 'The access token or API key is invalid, expired or revoked.');
  }
}
