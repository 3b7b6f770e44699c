import type { TenantUser } from './tenant-user';
import type { TenantUserRole } from './tenant-user-role.enum';

/** A user as the API shows it: never the password hash, never the tenant's internal bookkeeping. */
export interface TenantUserView {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: TenantUserRole;
  readonly isActive: boolean;
  readonly lastLoginAt: string | null;
  /** Until when failed logins lock the account (an admin may unlock it sooner), or null when it is not locked. */
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toTenantUserView(user: TenantUser, lockedUntil: Date | null): TenantUserView {
  return {
    id: user._id.toHexString(),
    email: user.email,
    name: user.name ?? null,
    role: user.role,
    isActive: user.isActive,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
