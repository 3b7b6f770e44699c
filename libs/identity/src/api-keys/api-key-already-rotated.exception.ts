import { DomainException, ErrorCode } from '@tenantpay/platform';

/** The key was already rotated (it is in its overlap): rotate its replacement instead. */
export class ApiKeyAlreadyRotatedException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'This API key was already rotated; rotate its replacement instead.');
  }
}
