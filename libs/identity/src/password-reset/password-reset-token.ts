import type { TenantOwnedFields } from '@tenantpay/data-isolation';

/** One password reset of a tenant user (tenant-owned `password_resets`); only the token's SHA-256 is stored. */
export interface PasswordResetToken extends TenantOwnedFields {
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  /** Set when used, or when a newer reset or a completed one made it void. */
  usedAt: Date | null;
  /** When MongoDB's TTL monitor deletes it: the retention period after `expiresAt`, used or not. */
  purgeAfter: Date | null;
}
