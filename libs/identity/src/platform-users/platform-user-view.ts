import type { PlatformUser } from './platform-user';

/** A platform operator as the API shows them (never the password hash). */
export interface PlatformUserView {
  readonly id: string;
  readonly email: string;
  readonly role: string;
  readonly isActive: boolean;
  readonly lastLoginAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function toPlatformUserView(user: PlatformUser): PlatformUserView {
  return {
    id: user._id.toHexString(),
    email: user.email,
    role: user.role,
    isActive: user.isActive,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
