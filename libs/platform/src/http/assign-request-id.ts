import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from './http-headers.constant';
import { resolveRequestId } from './request-id';

/**
 * Gives the request its id and echoes it on the response, once: the first caller decides and later calls
 * return the same id. It runs as the very first middleware, ahead of every path-scoped one, because Express
 * fails a request whose path it cannot decode (`/v1/users/%`) while matching such a middleware's path, and
 * that error must still carry the id.
 */
export function assignRequestId(
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
): string {
  if (typeof request.id === 'string') return request.id;
  const id = resolveRequestId(request.headers[REQUEST_ID_HEADER.toLowerCase()]);
  request.id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
