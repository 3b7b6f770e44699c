import { Secret, TOTP } from 'otpauth';

const TOTP_PERIOD_MS = 30_000;
/**
 * The server accepts the steps beside the current one (±1 drift), so a step stays valid until two steps after it
 * begin. A code is handed out only with this much of its validity left: the browser still has to type and send it
 * on a loaded machine.
 */
const VALIDITY_LEFT_MS = 10_000;

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

  /**
   * A code the server will accept now: of the step before the current one (a code typed just before the step
   * turned), the current step or the next one, which the ±1 drift all admit. Starting from the step before gives a
   * test three codes without waiting for the clock, where the current and next steps alone gave two and then a
   * wait of up to 30 s for the next step.
   */
  async nextCode(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / TOTP_PERIOD_MS);
      const previousStillValid = (current + 1) * TOTP_PERIOD_MS - now >= VALIDITY_LEFT_MS;
      const step = Math.max(this.lastStep + 1, previousStillValid ? current - 1 : current);
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
