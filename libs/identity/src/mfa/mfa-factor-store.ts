import type { MfaFactor } from './mfa-factor';

/** The account fields MFA reads: who the factor belongs to and what proves it besides a code. */
export interface MfaAccount {
  readonly email: string;
  readonly passwordHash: string;
  readonly role: string;
  readonly isActive: boolean;
  readonly mfa: MfaFactor | null;
}

/**
 * Where one kind of user keeps its factor (tenant users: the tenant-owned `users`; platform users:
 * `platform_users`). `update` applies a change only if the condition (on `mfa.*` fields) still holds, so
 * concurrent code uses and enrolments are decided by MongoDB, once.
 */
export interface MfaFactorStore {
  find(userId: string): Promise<MfaAccount | null>;
  update(
    userId: string,
    condition: Record<string, unknown>,
    update: Record<string, unknown>,
  ): Promise<boolean>;
}
