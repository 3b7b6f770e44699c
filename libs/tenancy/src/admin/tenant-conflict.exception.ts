import { DomainException, ErrorCode } from '@tenantpay/platform';

/** A slug or custom domain is already taken (by this tenant or another). */
export class TenantConflictException extends DomainException {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}
