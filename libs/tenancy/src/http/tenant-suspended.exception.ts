import { DomainException, ErrorCode } from '@tenantpay/platform';

export class TenantSuspendedException extends DomainException {
  constructor() {
    super(ErrorCode.TenantSuspended, 'This tenant is suspended.');
  }
}
