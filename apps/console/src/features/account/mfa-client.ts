import type { AuthenticatorEnrolment } from '../../ui/authenticator-key';
import type { SecondFactor } from '../../ui/sign-in/sign-in-steps';

/** The factor's state as `GET …/mfa` answers it. */
export interface MfaStatus {
  readonly enabled: boolean;
  readonly recoveryCodesLeft: number;
}

/**
 * The MFA routes of one audience: bank staff under `/v1/auth/mfa`, platform operators under
 * `/v1/platform/auth/mfa`. Same steps and answers, so one settings card serves both consoles.
 */
export interface MfaClient {
  status(): Promise<MfaStatus>;
  startEnrolment(): Promise<AuthenticatorEnrolment>;
  /** Activates the factor with a first code; answers the recovery codes, shown once. */
  confirmEnrolment(code: string): Promise<readonly string[]>;
  /** New recovery codes, proven by a code from the app; the old ones stop working. */
  replaceRecoveryCodes(code: string): Promise<readonly string[]>;
  /** Removes the factor, proven by a code from the app or a recovery code (the password alone is refused). */
  disable(proof: SecondFactor): Promise<void>;
}
