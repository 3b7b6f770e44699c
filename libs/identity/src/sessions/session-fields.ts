import type { SchemaDefinition } from 'mongoose';
import { Schema } from 'mongoose';
import { SessionEndReason } from './session-end-reason.enum';
import { SESSION_ROTATED_HASHES_KEPT } from './session.constant';

/** The fields of a session, the same in the tenant users' and the platform users' collection. */
export const SESSION_FIELDS: SchemaDefinition = {
  userId: { type: Schema.Types.ObjectId, required: true, immutable: true },
  refreshTokenHash: { type: String, required: true },
  rotatedRefreshTokenHashes: {
    type: [String],
    default: [],
    validate: {
      validator: (hashes: readonly string[]) => hashes.length <= SESSION_ROTATED_HASHES_KEPT,
      message: 'too many rotated hashes',
    },
  },
  idleExpiresAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true, immutable: true },
  // Null only on sessions opened before it existed (those are never deleted by the TTL index).
  purgeAfter: { type: Date, default: null, immutable: true },
  revokedAt: { type: Date, default: null },
  revokedReason: { type: String, enum: [...Object.values(SessionEndReason), null], default: null },
  lastRefreshedAt: { type: Date, default: null },
  ip: { type: String, default: null, maxlength: 64 },
  userAgent: { type: String, default: null, maxlength: 512 },
};
