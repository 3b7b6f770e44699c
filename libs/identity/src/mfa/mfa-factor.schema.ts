import { Schema } from 'mongoose';
import type { MfaFactor } from './mfa-factor';

/** Embedded in the tenant and platform user schemas as `mfa` (null when the user never enrolled). */
export const MfaFactorSchema = new Schema<MfaFactor>(
  {
    secret: { type: String, default: null },
    pendingSecret: { type: String, default: null },
    enabledAt: { type: Date, default: null },
    lastUsedStep: { type: Number, required: true, default: 0 },
    recoveryCodeHashes: { type: [String], default: [] },
  },
  { _id: false, strict: 'throw' },
);
