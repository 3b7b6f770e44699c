import { ValidationException } from '@tenantpay/platform';
import { IDEMPOTENCY_KEY_HEADER } from '../payments.constant';

export class IdempotencyKeyRequiredException extends ValidationException {
  constructor() {
    super(
      [{ field: IDEMPOTENCY_KEY_HEADER, issue: 'is required for requests authenticated with an API key' }],
      `The ${IDEMPOTENCY_KEY_HEADER} header is required.`,
    );
  }
}
