import { createHash, randomBytes } from 'node:crypto';

/**
 * A new single-use token (invitations, password resets): 256 random bits after a prefix naming its kind, shown
 * once (in an email). 256-bit secrets need no slow hash: SHA-256 is stored, which also allows the indexed lookup.
 */
export function generateSingleUseToken(prefix: string): { readonly token: string; readonly hash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSingleUseToken(token) };
}

export function hashSingleUseToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
