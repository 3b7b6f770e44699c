import type { TenantUserRole } from './tenant-user-role.enum';

/** What a request needs to know about an access token's user now, whatever the token says. */
export interface UserAccess {
  readonly isActive: boolean;
  readonly role: TenantUserRole;
}
