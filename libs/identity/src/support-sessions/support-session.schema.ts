import { Schema } from 'mongoose';
import { SUPPORT_SESSION_COLLECTION } from './support-session.constant';
import type { SupportSession } from './support-session';

export const SupportSessionSchema = new Schema<SupportSession>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, immutable: true },
    operatorId: { type: String, required: true, immutable: true },
    reason: { type: String, required: true, immutable: true, maxlength: 500 },
    openedAt: { type: Date, required: true, immutable: true },
    expiresAt: { type: Date, required: true, immutable: true },
    endedAt: { type: Date, default: null },
    endedBy: { type: String, default: null },
  },
  { collection: SUPPORT_SESSION_COLLECTION, strict: 'throw', strictQuery: 'throw', minimize: false },
);

// The tenant's active sessions: `find({ tenantId, endedAt: null, expiresAt: { $gt: now } })`.
SupportSessionSchema.index({ tenantId: 1, expiresAt: -1 });
