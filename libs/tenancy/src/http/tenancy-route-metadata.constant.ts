/** Metadata keys the tenancy decorators set on routes and the guards read. */
export const IS_PUBLIC_ROUTE = 'tenancy:isPublic';
export const REQUIRED_ROLES = 'tenancy:roles';
export const REQUIRED_SCOPES = 'tenancy:scopes';
export const REQUIRED_FEATURE = 'tenancy:feature';
export const BYPASS_TENANT_ISOLATION = 'tenancy:bypassTenantIsolation';
export const ALLOWS_SUSPENDED_TENANT = 'tenancy:allowsSuspendedTenant';
export const REQUIRES_TENANT = 'tenancy:requiresTenant';
export const PUBLIC_PLATFORM_ROUTE = 'tenancy:publicPlatformRoute';

/** The platform operator role (SPEC §5); the only role a platform principal can hold. */
export const SUPER_ADMIN_ROLE = 'SUPER_ADMIN';
