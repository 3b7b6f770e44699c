import { ValidationException } from '@tenantpay/platform';
import { IDEMPOTENCY_KEY_HEADER } from '../payments.constant';

/**
 * A batch is always submitted with its batch key: a retried batch without one would create every one of its
 * (up to 10,000) payments again.
 */
export class BatchIdempotencyKeyRequiredException extends ValidationException {
  constructor() {
    super(
      [{ field: IDEMPOTENCY_KEY_HEADER, issue: 'is required to submit a payment batch' }],
      `The ${IDEMPOTENCY_KEY_HEADER} header is required.`,
    );
  }
}
