import Fastify, { type FastifyRequest } from 'fastify';
import { declareMatchedRoute, matchedRouteOf } from './matched-route';

/** The getter Fastify defines for `name` somewhere on the request's prototype chain. */
function fastifyGetter(request: FastifyRequest, name: string): (() => unknown) | undefined {
  for (
    let prototype: object | null = request;
    prototype !== null;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    const getter = Object.getOwnPropertyDescriptor(prototype, name)?.get;
    if (getter !== undefined) return getter as () => unknown;
  }
  return undefined;
}

describe('matchedRouteOf', () => {
  async function seen(
    url: string,
    declared = true,
  ): Promise<{ routes: (string | undefined)[]; optionReads: number }> {
    const fastify = Fastify();
    if (declared) declareMatchedRoute(fastify);
    const routes: (string | undefined)[] = [];
    let optionReads = 0;
    fastify.addHook('onRequest', (request, _reply, done) => {
      const read = fastifyGetter(request, 'routeOptions');
      Object.defineProperty(request, 'routeOptions', {
        get() {
          optionReads += 1;
          return read?.call(this);
        },
      });
      routes.push(matchedRouteOf(request));
      done();
    });
    fastify.addHook('onResponse', (request, _reply, done) => {
      routes.push(matchedRouteOf(request), matchedRouteOf(request));
      done();
    });
    fastify.get('/v1/payments/:id', () => ({ ok: true }));
    await fastify.inject({ method: 'GET', url });
    await fastify.close();
    return { routes, optionReads };
  }

  it('is the template of the matched route, read from Fastify once per request', async () => {
    await expect(seen('/v1/payments/pay_1?x=1')).resolves.toEqual({
      routes: ['/v1/payments/:id', '/v1/payments/:id', '/v1/payments/:id'],
      optionReads: 1,
    });
  });

  it('is undefined when no route matched (a 404), also when asked again', async () => {
    await expect(seen('/v1/nothing-here')).resolves.toEqual({
      routes: [undefined, undefined, undefined],
      optionReads: 1,
    });
  });

  it('works the same on a server that did not declare the field', async () => {
    await expect(seen('/v1/payments/pay_2', false)).resolves.toEqual({
      routes: ['/v1/payments/:id', '/v1/payments/:id', '/v1/payments/:id'],
      optionReads: 1,
    });
  });
});
