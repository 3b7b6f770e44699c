import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '../identity.constant';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PUBLIC_PREFIX_LENGTH = 8;
/** 43 base62 characters carry 256 bits of randomness (62^43 > 2^256). */
const SECRET_LENGTH = 43;
/** The tenant's id (lowercase hex) in the visible prefix: absent from keys made before it was added. */
const API_KEY_FORMAT = new RegExp(
  `^${API_KEY_PREFIX}(?:([0-9a-f]{24})_)?[0-9A-Za-z]{${PUBLIC_PREFIX_LENGTH}}_[0-9A-Za-z]{${SECRET_LENGTH}}$`,
);

export interface GeneratedApiKey {
  /** The whole key, shown to its creator once and never stored. */
  readonly key: string;
  /** The visible prefix: the tenant's id and 8 random characters (`<tenantId>_<random>`). */
  readonly prefix: string;
  readonly hash: string;
}

/**
 * A new key `tp_live_<tenant id>_<8-char random>_<43-char secret>`. The tenant's id is in the visible prefix so
 * a presented key is looked up on its own tenant's placement only, never searched for on another bank's; it
 * is covered by the hash like the rest, so a key whose tenant part was changed matches nothing.
 */
export function generateApiKey(tenantId: string): GeneratedApiKey {
  const prefix = `${tenantId.toLowerCase()}_${randomBase62(PUBLIC_PREFIX_LENGTH)}`;
  const key = `${API_KEY_PREFIX}${prefix}_${randomBase62(SECRET_LENGTH)}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/**
 * A presented credential that has the shape of one of our keys (checked before any lookup), with the tenant
 * its prefix names (null for a key made before tenants were named there); null when it is not a key.
 */
export function parseApiKey(candidate: string): { readonly tenantId: string | null } | null {
  const match = API_KEY_FORMAT.exec(candidate);
  return match === null ? null : { tenantId: match[1] ?? null };
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
