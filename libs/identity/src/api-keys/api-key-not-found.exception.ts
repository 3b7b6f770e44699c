import { DomainException, ErrorCode } from '@tenantpay/platform';

/** No such API key in the caller's tenant; another tenant's key id answers exactly the same. */
export class ApiKeyNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'API key not found.');
  }
}
