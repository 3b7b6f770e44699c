import { DomainException, ErrorCode } from '@tenantpay/platform';

export class IdempotencyKeyReusedException extends DomainException {
  constructor() {
    super(
      ErrorCode.IdempotencyKeyReused,
      'This Idempotency-Key was already used with a different request; use a new key for a new request.',
    );
  }
}
