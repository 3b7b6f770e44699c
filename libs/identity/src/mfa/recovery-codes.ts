import { createHash, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from './mfa.constant';

/** Crockford-like alphabet without look-alikes (0/O, 1/I/L), so a code read from paper is typed right. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * Ten one-time recovery codes, `XXXX-XXXX-XXXX` (12 symbols of 31: about 59 random bits each). Stored only
 * as SHA-256: a fast hash suffices for this much randomness, and online guessing is bounded by the login
 * limiter.
 */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  );
}

/** Case, spaces and dashes as typed do not matter. */
export function hashRecoveryCode(code: string): string {
  const normalized = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`tenantpay-recovery-code:${normalized}`).digest('hex');
}
