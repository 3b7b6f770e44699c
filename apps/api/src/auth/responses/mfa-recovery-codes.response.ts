import type { MfaRecoveryCodes } from '@tenantpay/identity';

/** Shown once, when an enrolment is confirmed or the codes are regenerated: each works once. */
export class MfaRecoveryCodesResponse implements MfaRecoveryCodes {
  readonly recoveryCodes!: string[];
}
