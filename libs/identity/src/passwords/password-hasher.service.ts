import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { argon2id, hash, needsRehash, verify } from 'argon2';
import { randomBytes } from 'node:crypto';

/** Hashes and verifies passwords: argon2id at the configured cost (AppConfig.passwordHashing), one lane. */
@Injectable()
export class PasswordHasher {
  private readonly options: {
    readonly type: typeof argon2id;
    readonly memoryCost: number;
    readonly timeCost: number;
    readonly parallelism: number;
  };

  /**
   * A hash of a random password with the same parameters as real ones. Verifying against it when the
   * account does not exist costs what a real verification costs, so response time does not reveal
   * whether an email is registered.
   */
  private dummyHash: Promise<string> | undefined;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'passwordHashing'>) {
    this.options = {
      type: argon2id,
      memoryCost: config.passwordHashing.memoryKib,
      timeCost: config.passwordHashing.iterations,
      parallelism: 1,
    };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  /**
   * Whether `password` matches `passwordHash`. With no hash (unknown account) it still does the full
   * work and answers false. A malformed stored hash also answers false rather than throwing.
   */
  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (passwordHash === null) {
      await verify(await this.dummy(), password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }

  /** Whether a stored hash was made with weaker parameters than today's and should be replaced. */
  needsRehash(passwordHash: string): boolean {
    try {
      return needsRehash(passwordHash, this.options);
    } catch {
      return true;
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }
}
