import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from './http-headers.constant';
import { requestIdFor } from './request-id';

/**
 * Gives the request its id and echoes it on the response, once: the first caller decides and later calls
 * return the same id. Admission control calls it on Node's request before Fastify sees it (a refusal carries
 * the id); Fastify's `genReqId` (createHttpAdapter) then keeps that id.
 */
export function assignRequestId(
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
): string {
  if (typeof request.id === 'string') return request.id;
  const id = requestIdFor(request.headers);
  request.id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
