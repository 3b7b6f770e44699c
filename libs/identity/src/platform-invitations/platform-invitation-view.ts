import type { InvitationStatus } from '../invitations/invitation-status.enum';
import type { PlatformInvitation } from './platform-invitation';

/** A platform invitation as super-admins see it: never the token or its hash. */
export interface PlatformInvitationView {
  readonly id: string;
  readonly email: string;
  readonly status: InvitationStatus;
  readonly expiresAt: string;
  readonly invitedBy: string | null;
  readonly acceptedAt: string | null;
  readonly revokedAt: string | null;
  readonly createdAt: string;
}

export function toPlatformInvitationView(invitation: PlatformInvitation): PlatformInvitationView {
  return {
    id: invitation._id.toHexString(),
    email: invitation.email,
    status: invitation.status,
    expiresAt: invitation.expiresAt.toISOString(),
    invitedBy: invitation.invitedBy,
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    revokedAt: invitation.revokedAt?.toISOString() ?? null,
    createdAt: invitation.createdAt.toISOString(),
  };
}
