import { Secret, TOTP } from 'otpauth';

const TOTP_PERIOD_MS = 30_000;

/**
 * Codes of one authenticator, as the app would show them, with the server's replay rule in mind: a code is
 * accepted once, and only for a step later than the last accepted one. The same library as the server's.
 */
export class Authenticator {
  private lastStep = 0;
  private readonly totp: TOTP;

  constructor(secret: string) {
    this.totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  }

  /** A code the server will accept now (the current step, or the next one, which the ±1 drift admits). */
  async nextCode(): Promise<string> {
    for (;;) {
      const current = Math.floor(Date.now() / TOTP_PERIOD_MS);
      const step = Math.max(this.lastStep + 1, current);
      if (step <= current + 1) {
        this.lastStep = step;
        return this.totp.generate({ timestamp: step * TOTP_PERIOD_MS });
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  /** A well-formed code of no step near now. */
  wrongCode(): string {
    return this.totp.generate({ timestamp: Date.now() + 100 * TOTP_PERIOD_MS });
  }
}
