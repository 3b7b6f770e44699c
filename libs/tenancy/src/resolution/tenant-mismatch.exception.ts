import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * The request names two different tenants (a credential and a header or host, or a header and a host).
 * The message says no more than that: which tenants were named goes to the audit trail, not the caller.
 */
export class TenantMismatchException extends DomainException {
  constructor() {
    super(ErrorCode.TenantMismatch, 'The request names more than one tenant.');
  }
}
