import { DomainException, ErrorCode } from '@tenantpay/platform';

export class TenantNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.TenantNotFound, 'No such tenant.');
  }
}
