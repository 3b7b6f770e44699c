import { DomainException, ErrorCode } from '@tenantpay/platform';
import { RETRY_AFTER_HEADER } from '../identity.constant';

/** Too many login attempts for an account or from an address; says when to try again, not which limit. */
export class LoginRateLimitedException extends DomainException {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.RateLimitExceeded, 'Too many login attempts. Try again later.', undefined, {
      [RETRY_AFTER_HEADER]: String(retryAfterSeconds),
    });
  }
}
