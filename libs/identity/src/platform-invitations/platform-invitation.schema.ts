import { Schema } from 'mongoose';
import { InvitationStatus } from '../invitations/invitation-status.enum';
import type { PlatformInvitation } from './platform-invitation';

export const PLATFORM_INVITATION_COLLECTION = 'platform_invitations';
export const PLATFORM_INVITATION_MODEL = 'PlatformInvitation';

export const PlatformInvitationSchema = new Schema<PlatformInvitation>(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    tokenHash: { type: String, required: true },
    retiredTokenHashes: { type: [String], default: [] },
    status: { type: String, enum: Object.values(InvitationStatus), required: true },
    expiresAt: { type: Date, required: true },
    invitedBy: { type: String, default: null },
    acceptedAt: { type: Date, default: null },
    acceptedUserId: { type: String, default: null },
    revokedAt: { type: Date, default: null },
  },
  {
    collection: PLATFORM_INVITATION_COLLECTION,
    timestamps: true,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
  },
);

// Accepting: `findOne({ tokenHash })`; unique, as a token names one invitation.
PlatformInvitationSchema.index({ tokenHash: 1 }, { unique: true });
// A resent invitation's old link: `findOne({ retiredTokenHashes: hash })` (multikey).
PlatformInvitationSchema.index({ retiredTokenHashes: 1 });
// One pending invitation per email (inviting twice is a conflict; resend instead).
PlatformInvitationSchema.index(
  { email: 1 },
  { unique: true, partialFilterExpression: { status: InvitationStatus.Pending } },
);
// Listing pending invitations and expiring overdue ones: `find({ status: 'pending', expiresAt })`.
PlatformInvitationSchema.index({ status: 1, expiresAt: 1 });
