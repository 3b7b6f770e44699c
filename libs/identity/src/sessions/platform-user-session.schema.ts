import { Schema } from 'mongoose';
import { PURGE_AFTER_TTL_INDEX } from '../retention/ended-credential-retention';
import type { Session } from './session';
import { SESSION_FIELDS } from './session-fields';

export const PLATFORM_USER_SESSION_COLLECTION = 'platform_user_sessions';
export const PLATFORM_USER_SESSION_MODEL = 'PlatformUserSession';

export interface PlatformUserSession extends Session {
  readonly updatedAt: Date;
}

export const PlatformUserSessionSchema = new Schema<PlatformUserSession>(SESSION_FIELDS, {
  collection: PLATFORM_USER_SESSION_COLLECTION,
  timestamps: true,
  strict: 'throw',
  strictQuery: 'throw',
  minimize: false,
});

// An operator's own session list: `find({ userId })`. Refresh and the per-request check read by `_id`.
PlatformUserSessionSchema.index({ userId: 1 });
// No query: MongoDB's TTL monitor deletes ended sessions once their retention is over (PURGE_AFTER_TTL_INDEX).
PlatformUserSessionSchema.index(PURGE_AFTER_TTL_INDEX.key, PURGE_AFTER_TTL_INDEX.options);
