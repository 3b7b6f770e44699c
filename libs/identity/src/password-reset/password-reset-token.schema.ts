import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import type { PasswordResetToken } from './password-reset-token';

export const PASSWORD_RESET_COLLECTION = 'password_resets';
export const PASSWORD_RESET_MODEL = 'PasswordResetToken';

export const PasswordResetTokenSchema = tenantOwnedSchema<PasswordResetToken>(
  {
    userId: { type: String, required: true },
    tokenHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    // Null only on resets issued before it existed (those are never deleted by the TTL index).
    purgeAfter: { type: Date, default: null },
  },
  {
    collection: PASSWORD_RESET_COLLECTION,
    minimize: false,
    shard: {
      key: { tenantId: 1, tokenHash: 1 },
      reason: 'the unique token per tenant must start with the key; random hashes split evenly',
    },
  },
);

// Confirming: `findOne({ tenantId, tokenHash })`; unique, as a token names one reset.
PasswordResetTokenSchema.index({ tenantId: 1, tokenHash: 1 }, { unique: true });
// A user's open resets (resend interval, voiding them): `find({ tenantId, userId, usedAt: null })`.
PasswordResetTokenSchema.index({ tenantId: 1, userId: 1, usedAt: 1 });
