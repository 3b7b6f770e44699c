import { DomainException, ErrorCode } from '@tenantpay/platform';

import { TENANT_MOVING_RETRY_AFTER_SECONDS } from '../placement-move.constant';

/**
 * 503 `tenant_moving` with `Retry-After`: a write of a tenant whose data is being moved was refused before it
 * touched any database (frozen for the final pass, an instance that still routes to the old placement, or
 * Redis unable to tell). Nothing was written; the same request may be retried.
 */
export class TenantMovingException extends DomainException {
  constructor() {
    super(
      ErrorCode.TenantMoving,
      "The tenant's data is being moved; writes resume in a moment. Retry later.",
      undefined,
      { 'Retry-After': String(TENANT_MOVING_RETRY_AFTER_SECONDS) },
    );
  }
}
