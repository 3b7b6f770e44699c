import type { StaffRole } from '../../session/staff-user';

/** A user of the tenant as `GET /v1/users` lists them (TenantUserView). */
export interface StaffMember {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: StaffRole;
  readonly isActive: boolean;
  readonly lastLoginAt: string | null;
  /** Until when failed logins lock the account, or null: the Unlock action is offered only while it is set. */
  readonly lockedUntil: string | null;
}

/** A pending invitation (InvitationView). */
export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly status: string;
  readonly expiresAt: string;
}
