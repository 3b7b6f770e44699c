import { ValidationException } from '@tenantpay/platform';
import { IDEMPOTENCY_KEY_HEADER } from '../payments.constant';

export class InvalidIdempotencyKeyException extends ValidationException {
  constructor() {
    super([{ field: IDEMPOTENCY_KEY_HEADER, issue: 'must be 1 to 255 printable ASCII characters' }]);
  }
}
