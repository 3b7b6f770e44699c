import { Secret, TOTP } from 'otpauth';
import {
  TOTP_ACCEPTED_STEP_DRIFT,
  TOTP_DIGITS,
  TOTP_ISSUER,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
} from './mfa.constant';

/** A new random TOTP secret, base32 (what authenticator apps take). */
export function generateTotpSecret(): string {
  return new Secret({ size: TOTP_SECRET_BYTES }).base32;
}

/** The `otpauth://totp/...` URI an authenticator app scans (as a QR code) to add the account. */
export function totpProvisioningUri(secretBase32: string, accountLabel: string): string {
  return totpOf(secretBase32, accountLabel).toString();
}

/**
 * The time step a code belongs to if it is valid now within ±TOTP_ACCEPTED_STEP_DRIFT steps, else null. The
 * caller accepts the code only if this step is later than the last step it accepted (replay protection).
 */
export function matchingTotpStep(secretBase32: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32, '').validate({
    token: code,
    timestamp: nowMs,
    window: TOTP_ACCEPTED_STEP_DRIFT,
  });
  return delta === null ? null : totpStep(nowMs) + delta;
}

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a step: for tests and for the enrolment check. */
export function totpCodeAt(secretBase32: string, nowMs: number): string {
  return totpOf(secretBase32, '').generate({ timestamp: nowMs });
}

function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}
