import { DomainException, ErrorCode } from '@tenantpay/platform';

/** A tenant user logged in without naming a tenant (no tenant subdomain, custom domain or X-Tenant-ID). */
export class LoginTenantRequiredException extends DomainException {
  constructor() {
    super(
      ErrorCode.ValidationError,
      "Name the tenant to log in to: use the tenant's own host or the X-Tenant-ID header.",
      [{ field: 'X-Tenant-ID', issue: 'a tenant is required' }],
    );
  }
}
