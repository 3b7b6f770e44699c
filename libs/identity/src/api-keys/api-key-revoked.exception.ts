import { DomainException, ErrorCode } from '@tenantpay/platform';

/** Revoking or rotating a key that is already revoked. */
export class ApiKeyRevokedException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'This API key is already revoked.');
  }
}
