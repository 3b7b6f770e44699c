import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '../identity.constant';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PUBLIC_PREFIX_LENGTH = 8;
/** 43 base62 characters carry 256 bits of randomness (62^43 > 2^256). */
const SECRET_LENGTH = 43;
const API_KEY_FORMAT = new RegExp(
  `^${API_KEY_PREFIX}([0-9A-Za-z]{${PUBLIC_PREFIX_LENGTH}})_[0-9A-Za-z]{${SECRET_LENGTH}}$`,
);

export interface GeneratedApiKey {
  /** The whole key, shown to its creator once and never stored. */
  readonly key: string;
  readonly prefix: string;
  readonly hash: string;
}

/** A new key `tp_live_<8-char public prefix>_<43-char secret>`, both parts random base62. */
export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBase62(PUBLIC_PREFIX_LENGTH);
  const key = `${API_KEY_PREFIX}${prefix}_${randomBase62(SECRET_LENGTH)}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** Whether a presented credential has the shape of one of our keys (checked before any lookup). */
export function isWellFormedApiKey(candidate: string): boolean {
  return API_KEY_FORMAT.test(candidate);
}

/**
 * A fast, unsalted SHA-256. Enough for keys (unlike passwords): a 256-bit random secret cannot be
 * guessed or found in a dictionary, so a slow or salted hash would add nothing but latency on every
 * request, and an unsalted hash is what lets a presented key be found by an indexed equality lookup.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Uniform base62: bytes >= 248 are rejected instead of folded, so no character is likelier than another. */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}
