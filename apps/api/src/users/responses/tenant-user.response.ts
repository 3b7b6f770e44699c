import { TenantUserRole, type TenantUserView } from '@tenantpay/identity';

/** A user of the tenant: never the password hash. */
export class TenantUserResponse implements TenantUserView {
  /** @example "665f1c2ab3e4d5f6a7b8c9d2" */
  readonly id!: string;
  /** @example "ana.silva@example-bank.com" */
  readonly email!: string;
  /** @example "Ana Silva" */
  readonly name!: string | null;
  readonly role!: TenantUserRole;
  /** False once deactivated: the user cannot sign in and holds no seat. */
  readonly isActive!: boolean;
  readonly lastLoginAt!: string | null;
  /**
   * Until when failed logins lock the account (five in 15 minutes), or null when it is not locked; an admin
   * may unlock it sooner (`POST /v1/users/{id}/unlock`).
   * @example null
   */
  readonly lockedUntil!: string | null;
  readonly createdAt!: string;
  readonly updatedAt!: string;
}
