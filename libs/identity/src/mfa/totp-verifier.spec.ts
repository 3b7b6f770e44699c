import fc from 'fast-check';
import { TOTP_PERIOD_SECONDS } from './mfa.constant';
import {
  generateTotpSecret,
  matchingTotpStep,
  totpCodeAt,
  totpProvisioningUri,
  totpStep,
} from './totp-verifier';

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

describe('TOTP verifier (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vector (T = 59 s, 8 digits there; its last 6 here)', () => {
    // RFC 6238 appendix B: secret "12345678901234567890" (ASCII), T=59 → 94287082.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCodeAt(secret, 59_000)).toBe('287082');
    expect(matchingTotpStep(secret, '287082', 59_000)).toBe(1);
  });

  it('accepts the previous, current and next step and names the step the code belongs to', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 2_000_000_000 }),
        fc.integer({ min: -1, max: 1 }),
        (step, drift) => {
          const secret = generateTotpSecret();
          const now = step * STEP_MS + 1;
          expect(matchingTotpStep(secret, totpCodeAt(secret, now + drift * STEP_MS), now)).toBe(step + drift);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a code two steps away, another secret’s code (unless it collides), and malformed input', () => {
    const secret = generateTotpSecret();
    const now = 1_700_000_000_000;
    const old = totpCodeAt(secret, now - 2 * STEP_MS);
    const window = [-1, 0, 1].map((drift) => totpCodeAt(secret, now + drift * STEP_MS));
    if (!window.includes(old)) expect(matchingTotpStep(secret, old, now)).toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456'])
      expect(matchingTotpStep(secret, bad, now)).toBeNull();
  });

  it('builds an otpauth URI with the issuer and the secret', () => {
    const uri = totpProvisioningUri('JBSWY3DPEHPK3PXP', 'ana@bank.test');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Tenantpay:ana%40bank\.test\?/);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(totpStep(STEP_MS * 3 + 5)).toBe(3);
  });
});
