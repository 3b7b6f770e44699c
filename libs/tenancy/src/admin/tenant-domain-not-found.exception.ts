import { DomainException, ErrorCode } from '@tenantpay/platform';

export class TenantDomainNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'The tenant has no such domain.');
  }
}
