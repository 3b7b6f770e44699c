import type { Types } from 'mongoose';

/** One password reset of a platform operator (platform-owned `platform_password_resets`); only the token's SHA-256 is stored. */
export interface PlatformPasswordResetToken {
  _id: Types.ObjectId;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  /** Set when used, or when a newer reset or a completed one made it void. */
  usedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
