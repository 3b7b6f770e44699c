import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { answerClientError } from './answer-client-error';
import { REQUEST_ID_HEADER } from './http-headers.constant';
import { requestIdFor } from './request-id';

/**
 * The HTTP platform every API application runs on (the server, the e2e tests and the benchmarks create it
 * here): Fastify, with client IPs and hostnames from X-Forwarded-* only through the configured proxies, the
 * default body limit, and the request id decided once per request (see {@link requestIdFor}).
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  const errorFilter = new ApiExceptionFilter();
  return new FastifyAdapter({
    trustProxy: config.http.trustProxyHops,
    bodyLimit: config.http.bodyLimitBytes,
    // Fastify's own logger stays off: requests are logged once, by the platform logger (nestjs-pino).
    logger: false,
    requestIdHeader: false,
    // No Express-style middleware: request-wide work runs in Fastify hooks registered once (the API's tenant
    // hook among them). @fastify/middie, which Nest would register anyway, ran its engine on every request.
    skipMiddie: true,
    // The admission gate, in front of Fastify, may already have given the request its id.
    genReqId: (request: IncomingMessage & { id?: unknown }) =>
      typeof request.id === 'string' ? request.id : requestIdFor(request.headers),
    // What Fastify refuses before routing (a path it cannot decode) is answered in the API error shape too,
    // with the request id (no hook runs for such a request).
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
      errorFilter.reply(error, request, reply);
    },
    // What Node's HTTP parser refuses before a request exists (oversized headers, malformed HTTP, timeouts).
    clientErrorHandler: answerClientError,
  });
}
