import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';

/**
 * A dependency (MongoDB, Redis) did not answer within the request's budget: nothing was decided and the
 * request may be retried after `retryAfterSeconds` (503 `service_unavailable` with `Retry-After`).
 */
export class TemporarilyUnavailableException extends DomainException {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.ServiceUnavailable, 'The service is temporarily unavailable. Retry later.', undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
