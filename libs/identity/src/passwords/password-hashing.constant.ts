import { argon2id } from 'argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first recommended configuration: 19 MiB of
 * memory, 2 iterations, 1 degree of parallelism. Memory-hard, so GPU/ASIC guessing stays expensive.
 * Raising these later is safe: `PasswordHasher.needsRehash` reports old hashes, which can be upgraded
 * at the next successful login.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Bounds a password's length: long enough for passphrases, short enough that hashing is not a DoS lever. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
