import { DomainException, ErrorCode } from '@tenantpay/platform';
import type { IsolationRule } from './isolation-rule.enum';

/**
 * An operation was refused because it would reach beyond the caller's tenant or escape isolation. The
 * message is the same for every rule so a caller learns nothing about other tenants or about which check
 * fired; the rule and the path go to the security audit event only.
 */
export class CrossTenantAccessException extends DomainException {
  constructor(
    readonly rule: IsolationRule,
    /** Where in the operation the problem is, e.g. `filter.$or[1].tenantId`. */
    readonly path: string,
  ) {
    super(ErrorCode.CrossTenantAccess, 'This operation is not allowed.');
  }
}
