import { Schema } from 'mongoose';
import type { PlatformPasswordResetToken } from './platform-password-reset-token';

export const PLATFORM_PASSWORD_RESET_COLLECTION = 'platform_password_resets';
export const PLATFORM_PASSWORD_RESET_MODEL = 'PlatformPasswordResetToken';

export const PlatformPasswordResetTokenSchema = new Schema<PlatformPasswordResetToken>(
  {
    userId: { type: String, required: true },
    tokenHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  {
    collection: PLATFORM_PASSWORD_RESET_COLLECTION,
    timestamps: true,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
  },
);

// Confirming: `findOne({ tokenHash })`; unique, as a token names one reset.
PlatformPasswordResetTokenSchema.index({ tokenHash: 1 }, { unique: true });
// An operator's open resets (resend interval, voiding them): `find({ userId, usedAt: null })`.
PlatformPasswordResetTokenSchema.index({ userId: 1, usedAt: 1 });
