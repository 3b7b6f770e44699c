/**
 * The weakest argon2id cost a deployment may hash passwords with: the OWASP Password Storage Cheat Sheet's first
 * recommended configuration (19 MiB, 2 passes, 1 lane), also the default. Memory-hard, so GPU/ASIC guessing
 * stays expensive. Only NODE_ENV=test may go below it (test suites hash thousands of throw-away passwords);
 * raising it later is safe: `PasswordHasher.needsRehash` reports hashes made at a lower cost.
 */
export const PASSWORD_HASH_MINIMUM = { memoryKib: 19_456, iterations: 2 } as const;
