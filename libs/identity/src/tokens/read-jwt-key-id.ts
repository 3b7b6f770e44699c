import { JWT_ALGORITHM } from './jwt-signing.constant';

/**
 * The `kid` of a JWT's header, read before any key is chosen; null when the header is not what we issue
 * (another algorithm, no key id, not JSON).
 */
export function readJwtKeyId(token: string): string | null {
  const [encodedHeader] = token.split('.');
  if (encodedHeader === undefined || encodedHeader === '') return null;
  try {
    const header: unknown = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
    if (typeof header !== 'object' || header === null) return null;
    const { alg, kid } = header as { alg?: unknown; kid?: unknown };
    return alg === JWT_ALGORITHM && typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
}
