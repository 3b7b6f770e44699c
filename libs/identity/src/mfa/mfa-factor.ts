/**
 * A user's TOTP factor, kept on the user's own document (tenant users and platform users alike), so it is
 * tenant-owned exactly as the user is and goes with the user on offboarding.
 */
export interface MfaFactor {
  /** The active TOTP secret (base32), encrypted with SecretCipher; null until an enrolment is confirmed. */
  readonly secret: string | null;
  /** A started, unconfirmed enrolment's secret (encrypted); replaced by a new enrolment, cleared at confirm. */
  readonly pendingSecret: string | null;
  readonly enabledAt: Date | null;
  /** The last TOTP time step accepted: a code of this step or an earlier one is never accepted again. */
  readonly lastUsedStep: number;
  /** SHA-256 (hex) of the unused recovery codes; each is removed when used. */
  readonly recoveryCodeHashes: readonly string[];
}
