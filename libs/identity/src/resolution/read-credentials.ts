import type { IncomingHttpHeaders } from 'node:http';
import { API_KEY_HEADER, API_KEY_PREFIX, AUTHORIZATION_HEADER } from '../identity.constant';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';

const BEARER = /^Bearer +(\S*) *$/i;

/**
 * The bearer credential of the Authorization header: null without the header or with another scheme,
 * a refusal for a `Bearer` header with nothing usable after it.
 */
export function readBearerCredential(headers: IncomingHttpHeaders): string | null {
  const header = headers[AUTHORIZATION_HEADER];
  if (header === undefined) return null;
  const read = bearerRead.get(headers);
  if (read?.header === header) return read.token;
  const token = bearerTokenOf(header);
  bearerRead.set(headers, { header, token });
  return token;
}

/**
 * What each request's Authorization header held, by the request's headers object: the JWT, API-key and
 * support-token strategies read the same header one after the other, and the patterns scan the whole token (a
 * JWT's few hundred characters) each time. Kept only as long as the request's headers are (a WeakMap), so no
 * credential outlives its request here; a header refused is not kept: it throws again.
 */
const bearerRead = new WeakMap<
  IncomingHttpHeaders,
  { readonly header: string; readonly token: string | null }
>();

function bearerTokenOf(header: string): string | null {
  if (!/^Bearer\b/i.test(header)) return null;
  const token = BEARER.exec(header)?.[1];
  if (token === undefined || token === '') throw new InvalidCredentialException();
  return token;
}

/** The API key a request presents (X-API-Key, else a bearer credential with the API-key prefix), or null. */
export function readApiKeyCredential(headers: IncomingHttpHeaders): string | null {
  const header = headers[API_KEY_HEADER];
  if (header !== undefined) {
    // A repeated header is ambiguous: refuse it rather than guess which one counts.
    if (typeof header !== 'string' || header.trim() === '') throw new InvalidCredentialException();
    return header.trim();
  }
  const bearer = readBearerCredential(headers);
  return bearer !== null && bearer.startsWith(API_KEY_PREFIX) ? bearer : null;
}
