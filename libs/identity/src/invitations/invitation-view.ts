import type { TenantUserRole } from '../users/tenant-user-role.enum';
import type { Invitation } from './invitation';
import type { InvitationStatus } from './invitation-status.enum';

/** An invitation as admins see it: never the token or its hash. */
export interface InvitationView {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: TenantUserRole;
  readonly status: InvitationStatus;
  readonly expiresAt: string;
  readonly invitedBy: { readonly type: string; readonly id: string | null };
  readonly acceptedAt: string | null;
  readonly revokedAt: string | null;
  readonly createdAt: string;
}

export function toInvitationView(invitation: Invitation): InvitationView {
  return {
    id: invitation._id.toHexString(),
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    status: invitation.status,
    expiresAt: invitation.expiresAt.toISOString(),
    invitedBy: { type: invitation.invitedBy.type, id: invitation.invitedBy.id },
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    revokedAt: invitation.revokedAt?.toISOString() ?? null,
    createdAt: invitation.createdAt.toISOString(),
  };
}
