/** Shown once, at enrolment: the secret to type in, or the URI to scan as a QR code. */
export interface MfaEnrolment {
  readonly secret: string;
  readonly otpauthUri: string;
}

/** Shown once, when an enrolment is confirmed or the codes are regenerated. */
export interface MfaRecoveryCodes {
  readonly recoveryCodes: readonly string[];
}

export interface MfaStatus {
  readonly enabled: boolean;
  readonly enabledAt: Date | null;
  readonly recoveryCodesLeft: number;
}
