import { DomainException, ErrorCode } from '@tenantpay/platform';

/** A tenant caller asked for another tenant's audit events; refused and itself audited (SPEC §6, §11). */
export class CrossTenantAuditSearchException extends DomainException {
  constructor() {
    super(ErrorCode.CrossTenantAccess, 'Audit events of another tenant cannot be read.');
  }
}
