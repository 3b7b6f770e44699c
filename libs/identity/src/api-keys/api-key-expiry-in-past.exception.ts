import { ValidationException } from '@tenantpay/platform';

/** A key would be created (or rotated) already expired. */
export class ApiKeyExpiryInPastException extends ValidationException {
  constructor() {
    super([{ field: 'expiresAt', issue: 'must be in the future' }], 'The API key would already be expired.');
  }
}
