import { Injectable } from '@nestjs/common';
import { hash, needsRehash, verify } from 'argon2';
import { randomBytes } from 'node:crypto';
import { PASSWORD_HASH_OPTIONS } from './password-hashing.constant';

/** Hashes and verifies passwords (argon2id, see PASSWORD_HASH_OPTIONS). */
@Injectable()
export class PasswordHasher {
  /**
   * A hash of a random password with the same parameters as real ones. Verifying against it when the
   * account does not exist costs what a real verification costs, so response time does not reveal
   * whether an email is registered.
   */
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, PASSWORD_HASH_OPTIONS);
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
      return needsRehash(passwordHash, PASSWORD_HASH_OPTIONS);
    } catch {
      return true;
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }
}
