import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { TenantUserRole } from '../users/tenant-user-role.enum';
import type { Invitation } from './invitation';
import { InvitationStatus } from './invitation-status.enum';

export const INVITATION_COLLECTION = 'invitations';
export const INVITATION_MODEL = 'Invitation';

export const InvitationSchema = tenantOwnedSchema<Invitation>(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    name: { type: String, default: null, maxlength: 200 },
    role: { type: String, enum: Object.values(TenantUserRole), required: true },
    tokenHash: { type: String, required: true },
    retiredTokenHashes: { type: [String], default: [] },
    status: { type: String, enum: Object.values(InvitationStatus), required: true },
    expiresAt: { type: Date, required: true },
    invitedBy: {
      type: { type: String, enum: ['user', 'platform-user', 'system'], required: true },
      id: { type: String, default: null },
    },
    acceptedAt: { type: Date, default: null },
    acceptedUserId: { type: String, default: null },
    revokedAt: { type: Date, default: null },
    purgeAfter: { type: Date, default: null },
  },
  {
    collection: INVITATION_COLLECTION,
    minimize: false,
    shard: {
      key: { tenantId: 1 },
      reason:
        'two unique indexes (token, pending email) share only tenantId as a prefix; invitations per tenant are few',
    },
  },
);

// Accepting: `findOne({ tenantId, tokenHash })`; unique, as a token names one invitation.
InvitationSchema.index({ tenantId: 1, tokenHash: 1 }, { unique: true });
// A resent invitation's old link: `findOne({ tenantId, retiredTokenHashes: hash })` (multikey).
InvitationSchema.index({ tenantId: 1, retiredTokenHashes: 1 });
// One pending invitation per email and tenant (inviting twice is a conflict; resend instead).
InvitationSchema.index(
  { tenantId: 1, email: 1 },
  { unique: true, partialFilterExpression: { status: InvitationStatus.Pending } },
);
// Listing pending invitations and expiring overdue ones: `find({ tenantId, status: 'pending', expiresAt })`.
InvitationSchema.index({ tenantId: 1, status: 1, expiresAt: 1 });
