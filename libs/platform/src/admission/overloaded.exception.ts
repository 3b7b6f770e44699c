import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

/** 503 `overloaded`: refused at once, before any work, so the caller can retry here or elsewhere. */
export class OverloadedException extends DomainException {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.Overloaded, 'The service is overloaded. Retry later.', undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
