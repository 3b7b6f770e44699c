import { DomainException, ErrorCode } from '@tenantpay/platform';

/** 409 at once, never a wait; `Retry-After` says when the holder's lease would run out if it died. */
export class IdempotencyInProgressException extends DomainException {
  constructor(retryAfterMs: number) {
    super(
      ErrorCode.IdempotencyInProgress,
      'A request with this Idempotency-Key is still being processed; retry later.',
      undefined,
      { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
    );
  }
}
