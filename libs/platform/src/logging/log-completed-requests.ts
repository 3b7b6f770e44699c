import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Level, Logger as Pino } from 'pino';
import { matchedRouteOf } from '../http/matched-route';

/** Liveness probes every few seconds would drown the useful lines: they are not logged. */
const UNLOGGED_ROUTE = { method: 'GET', url: '/health/live' } as const;

/**
 * One line per answered request, written from Fastify's `onResponse` hook with a fixed, small shape (Fastify's
 * own request log fields: method, url, host, client address; the status and the time taken) and the request
 * id; the tenant id comes with the logger's `logFields`. The request's headers are not logged, so credentials
 * never reach the log by that path, and the line is written without the logger's redaction pass: with its
 * wildcard paths, that pass cost several times the rest of the line, and nothing in these fields is secret.
 * The query string is left out: the links in invitation and password-reset emails carry their single-use
 * token there (`/?token=…#/accept-invitation`), and a log must never hold a usable credential.
 */
export function logCompletedRequests(fastify: FastifyInstance, rootLogger: Pino): void {
  const logger = rootLogger.child({}, { redact: [] });
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = levelOf(reply.statusCode);
    if (logger.isLevelEnabled(level) && !isUnlogged(request)) {
      logger[level](
        {
          requestId: request.id,
          req: {
            method: request.method,
            url: pathOf(request.url),
            host: request.host,
            remoteAddress: request.ip,
          },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
        },
        reply.statusCode >= 500 ? 'request errored' : 'request completed',
      );
    }
    done();
  });
}

/**
 * A 503 is a dependency being down, answered as designed (the caller retries): a warning, like the exception
 * filter's line for it, so an outage does not flood the error log.
 */
function levelOf(statusCode: number): Level {
  if (statusCode >= 500 && statusCode !== 503) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

function isUnlogged(request: FastifyRequest): boolean {
  return request.method === UNLOGGED_ROUTE.method && matchedRouteOf(request) === UNLOGGED_ROUTE.url;
}

/** The request's path without its query string. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
