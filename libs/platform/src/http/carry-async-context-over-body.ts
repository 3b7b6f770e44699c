import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AsyncResource } from 'node:async_hooks';

const ASYNC_SCOPE = 'asyncScopeBeforeBody';

type ScopedRequest = FastifyRequest & { [ASYNC_SCOPE]: AsyncResource | null };

/**
 * Request hooks run in Fastify's `onRequest` stage, before the body is read; Fastify then resumes the
 * request from the socket's 'end' event, whose async context is the connection's, not the one the tenant
 * hook entered. This keeps the context in which `preParsing` starts (every request hook has run and called
 * on from inside its context) and re-enters it before validation and the handler, so
 * AsyncLocalStorage stores (the tenant context) wrap the whole handler of a request with a body too.
 * Requests without a body never leave the context: nothing is kept for them.
 */
export function carryAsyncContextOverBody(fastify: FastifyInstance): void {
  fastify.decorateRequest(ASYNC_SCOPE, null);
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const headers = request.headers;
    if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined) {
      (request as ScopedRequest)[ASYNC_SCOPE] = new AsyncResource('tenantpay.request');
    }
    done(null, payload);
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    const scope = (request as ScopedRequest)[ASYNC_SCOPE];
    if (scope === null) return done();
    scope.runInAsyncScope(done);
  });
}
