import type { MfaFactor } from '../mfa/mfa-factor';
import type { Types } from 'mongoose';
import type { SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';

/** An operator of the platform itself, stored in `platform_users` (no tenant). */
export interface PlatformUser {
  readonly _id: Types.ObjectId;
  /** Lowercase; unique across the platform. */
  readonly email: string;
  readonly passwordHash: string;
  readonly role: typeof SUPER_ADMIN_ROLE;
  readonly isActive: boolean;
  readonly lastLoginAt: Date | null;
  /** The TOTP factor; null (or absent on documents older than MFA) when the user never enrolled. */
  readonly mfa?: MfaFactor | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
