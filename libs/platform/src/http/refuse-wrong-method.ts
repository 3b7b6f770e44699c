import FindMyWay from 'find-my-way';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiExceptionFilter } from '../errors/api-exception.filter';
import { MethodNotAllowedException } from '../errors/method-not-allowed.exception';

const METHODS: readonly FindMyWay.HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Answers 405 with `Allow` where Fastify would answer 404 although the path has routes under other methods.
 * Fastify's router matches method and path together and does not expose a path-only lookup, so every route
 * is also registered, as Fastify registers it, in a second router of the same library (find-my-way, the one
 * Fastify uses) that is asked only for requests Fastify found no route for. The hook is the first of the
 * request, so a wrong method is answered before authentication, like a missing path.
 */
export function refuseWrongMethod(fastify: FastifyInstance, errorFilter: ApiExceptionFilter): void {
  const routes = FindMyWay();
  const registered = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      const key = `${method} ${route.url}`;
      if (registered.has(key) || !isKnownMethod(method)) continue;
      registered.add(key);
      routes.on(method, route.url, () => undefined);
    }
  });
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!request.is404) return done();
    const path = request.url.split('?', 1)[0] ?? request.url;
    const allowed = METHODS.filter((method) => routes.find(method, path) !== null);
    if (allowed.length === 0) return done();
    errorFilter.reply(new MethodNotAllowedException(request.method, allowed), request, reply);
  });
}

function isKnownMethod(method: string): method is FindMyWay.HTTPMethod {
  return (METHODS as readonly string[]).includes(method);
}
