import type { MfaStatus } from '@tenantpay/identity';

/** Whether the signed-in account has a second factor. */
export class MfaStatusResponse implements MfaStatus {
  readonly enabled!: boolean;
  readonly enabledAt!: Date | null;
  /** Unused recovery codes. @example 10 */
  readonly recoveryCodesLeft!: number;
}
