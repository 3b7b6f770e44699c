import { DomainException, ErrorCode } from '@tenantpay/platform';

export class IdempotencyInProgressException extends DomainException {
  constructor() {
    super(
      ErrorCode.IdempotencyInProgress,
      'A request with this Idempotency-Key is still being processed; retry later.',
      undefined,
      { 'Retry-After': '1' },
    );
  }
}
