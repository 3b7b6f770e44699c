/** What the caller presents as the second factor: a current TOTP code or one of the recovery codes. */
export interface MfaProof {
  readonly code?: string;
  readonly recoveryCode?: string;
}
