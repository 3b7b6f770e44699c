import type { MfaFactor } from '../mfa/mfa-factor';
import type { Types } from 'mongoose';
import type { TenantUserRole } from './tenant-user-role.enum';

/** A tenant's user as stored in the `users` collection (tenant-owned). */
export interface TenantUser {
  readonly _id: Types.ObjectId;
  readonly tenantId: Types.ObjectId;
  /** Lowercase; unique within the tenant. */
  readonly email: string;
  readonly passwordHash: string;
  readonly name: string | null;
  readonly role: TenantUserRole;
  readonly isActive: boolean;
  readonly lastLoginAt: Date | null;
  /** The TOTP factor; null (or absent on documents older than MFA) when the user never enrolled. */
  readonly mfa?: MfaFactor | null;
  readonly deletedAt: Date | null;
  readonly deletedBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
