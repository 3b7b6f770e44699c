import type { PlatformUserView } from '@tenantpay/identity';

/** A platform operator (never the password hash). */
export class PlatformUserResponse implements PlatformUserView {
  readonly id!: string;
  /** @example "ops@tenantpay.example" */
  readonly email!: string;
  /** @example "SUPER_ADMIN" */
  readonly role!: string;
  readonly isActive!: boolean;
  readonly lastLoginAt!: Date | null;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
}
