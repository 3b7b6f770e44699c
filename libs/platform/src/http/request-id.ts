import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { REQUEST_ID_HEADER } from './http-headers.constant';

/**
 * An inbound request id is reused only when it is a short, plain token: it ends up in logs and response
 * headers, so anything that could forge log lines or headers (newlines, quotes, huge values) is replaced.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** As Node keys incoming headers (lower case), worked out once rather than per request. */
const INBOUND_REQUEST_ID_HEADER = REQUEST_ID_HEADER.toLowerCase();

/** The id of a request arriving with `headers`: its own when sane, else a new one. */
export function requestIdFor(headers: IncomingHttpHeaders): string {
  return resolveRequestId(headers[INBOUND_REQUEST_ID_HEADER]);
}

export function resolveRequestId(inbound: string | string[] | undefined): string {
  const candidate = Array.isArray(inbound) ? undefined : inbound;
  return candidate !== undefined && SANE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}
