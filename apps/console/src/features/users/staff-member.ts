import type { StaffRole } from '../../session/staff-user';

/** A user of the tenant as `GET /v1/users` lists them (TenantUserView). */
export interface StaffMember {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: StaffRole;
  readonly isActive: boolean;
  readonly lastLoginAt: string | null;
}

/** A pending invitation (InvitationView). */
export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly status: string;
  readonly expiresAt: string;
}
