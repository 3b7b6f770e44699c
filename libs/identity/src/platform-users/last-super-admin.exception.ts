import { DomainException, ErrorCode } from '@tenantpay/platform';

/** Deactivating this operator would leave the platform with no active super-admin, so nobody could manage it. */
export class LastSuperAdminException extends DomainException {
  constructor() {
    super(ErrorCode.LastSuperAdmin, 'The last active super-admin cannot be deactivated.');
  }
}
