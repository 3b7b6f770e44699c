import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type HeaderList = readonly (readonly [name: string, value: string])[];

/**
 * helmet's default headers, worked out once at startup. Without per-request options (no CSP nonce) its
 * middlewares set the same values on every response, yet running them costs a chain of a dozen nested calls
 * per request; the request hook sets this list instead, so helmet stays the one source of the values.
 * helmet's only removal, `X-Powered-By`, is left out: neither Fastify nor Node sets that header.
 */
export function staticSecurityHeaders(): HeaderList {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let completed = false;
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    completed = true;
  });
  // A helmet that decided per request or asynchronously would make a fixed list wrong: refuse to start.
  if (!completed) throw new Error('helmet did not set its headers synchronously');
  return headers;
}
