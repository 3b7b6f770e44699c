import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import type { Types } from 'mongoose';
import type { Session } from './session';
import { SESSION_FIELDS } from './session-fields';

export const USER_SESSION_COLLECTION = 'user_sessions';
export const USER_SESSION_MODEL = 'UserSession';

/** A tenant user's session, tenant-owned: a refresh token only ever finds a session of the host's tenant. */
export interface UserSession extends Session {
  readonly tenantId: Types.ObjectId;
  readonly deletedAt: Date | null;
  readonly deletedBy: string | null;
  readonly updatedAt: Date;
}

export const UserSessionSchema = tenantOwnedSchema<UserSession>(SESSION_FIELDS, {
  collection: USER_SESSION_COLLECTION,
  shard: {
    key: { tenantId: 1, _id: 1 },
    reason: 'no unique index to fit; _id lets a big tenant’s sessions split into many chunks',
  },
  minimize: false,
});

// A user's own session list and an admin's revocation of a user's sessions: `find({ tenantId, userId })`.
// Refresh and the per-request session check read by id through tenantOwnedSchema's `{ tenantId: 1, _id: 1 }`.
UserSessionSchema.index({ tenantId: 1, userId: 1 });
