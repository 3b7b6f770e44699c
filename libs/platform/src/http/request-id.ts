import { randomUUID } from 'node:crypto';

/**
 * An inbound request id is reused only when it is a short, plain token: it ends up in logs and response
 * headers, so anything that could forge log lines or headers (newlines, quotes, huge values) is replaced.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function resolveRequestId(inbound: string | string[] | undefined): string {
  const candidate = Array.isArray(inbound) ? undefined : inbound;
  return candidate !== undefined && SANE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}
