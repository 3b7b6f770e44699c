import { MfaFactorSchema } from '../mfa/mfa-factor.schema';
import { Schema } from 'mongoose';
import type { PlatformUser } from './platform-user';
import { SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';

export const PLATFORM_USER_COLLECTION = 'platform_users';
export const PLATFORM_USER_MODEL = 'PlatformUser';

export const PlatformUserSchema = new Schema<PlatformUser>(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: [SUPER_ADMIN_ROLE], required: true, default: SUPER_ADMIN_ROLE },
    isActive: { type: Boolean, required: true, default: true },
    lastLoginAt: { type: Date, default: null },
    mfa: { type: MfaFactorSchema, default: null },
  },
  {
    collection: PLATFORM_USER_COLLECTION,
    timestamps: true,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
  },
);

// Platform login: `findOne({ email })`; unique because an email names one operator.
PlatformUserSchema.index({ email: 1 }, { unique: true });
