import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'inv_';

/**
 * A new invitation token: 256 random bits, shown once (in the email). 256-bit secrets need no slow hash: SHA-256
 * is stored, which also allows the indexed lookup by hash.
 */
export function generateInvitationToken(): { readonly token: string; readonly hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
