import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * A `@RequiresTenant()` route (login, invitation acceptance, password reset) reached with no tenant at all: no
 * tenant host, custom domain or X-Tenant-ID, and no credential naming one (a platform user's token names none).
 */
export class TenantRequiredException extends DomainException {
  constructor() {
    super(
      ErrorCode.ValidationError,
      "Name the tenant: use the tenant's own host or the X-Tenant-ID header.",
      [{ field: 'X-Tenant-ID', issue: 'a tenant is required' }],
    );
  }
}
