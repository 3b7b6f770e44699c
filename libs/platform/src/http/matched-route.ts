import type { FastifyInstance, FastifyRequest } from 'fastify';

const MATCHED_ROUTE = 'matchedRouteTemplate';

/** Null (or absent, on a server without {@link declareMatchedRoute}) until first read. */
type RequestWithRoute = FastifyRequest & { [MATCHED_ROUTE]?: string | null };

/**
 * The template of the route a request matched (`/v1/payments/:id`), or undefined when none did (a 404).
 * Fastify's `request.routeOptions` builds a new object of a dozen fields at every read, and the tenant hook,
 * the request log and the HTTP metrics each want only this one: it is read once per request and kept on it.
 */
export function matchedRouteOf(request: FastifyRequest): string | undefined {
  const scoped = request as RequestWithRoute;
  let route = scoped[MATCHED_ROUTE];
  if (route == null) {
    route = request.routeOptions.url ?? '';
    scoped[MATCHED_ROUTE] = route;
  }
  return route === '' ? undefined : route;
}

/** Gives every request the field {@link matchedRouteOf} keeps, so requests keep one shape. */
export function declareMatchedRoute(fastify: FastifyInstance): void {
  fastify.decorateRequest(MATCHED_ROUTE, null);
}
