import type { Types } from 'mongoose';
import type { InvitationStatus } from '../invitations/invitation-status.enum';

/**
 * An invitation to become a platform operator (platform-owned `platform_invitations`): the tenant invitation's
 * design (single-use, expiring, SHA-256 of the token stored, resend retires the old hash so it answers
 * "revoked"), without tenant, seat or role (every operator is a super-admin).
 */
export interface PlatformInvitation {
  _id: Types.ObjectId;
  email: string;
  tokenHash: string;
  retiredTokenHashes: string[];
  status: InvitationStatus;
  expiresAt: Date;
  /** The operator who invited. */
  invitedBy: string | null;
  acceptedAt: Date | null;
  acceptedUserId: string | null;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
