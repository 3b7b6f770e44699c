import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** One line of Fastify's route tree: `│   └── /:id (GET, HEAD)`; the column of the segment gives its depth. */
const ROUTE_TREE_LINE = /^(?<indent>[\s│├└─]*?)(?:[├└]── )(?<segment>\S+)(?: \((?<methods>[A-Z, ]+)\))?$/;

/**
 * Every route the application serves, as `METHOD /path/{param}` (the OpenAPI spelling), read from Fastify's
 * own router (its printed route tree, the one view of it Fastify offers) so that a new route is seen without
 * anyone listing it. HEAD routes are Fastify's automatic twins of GET routes, not operations of their own.
 */
export function servedRoutes(app: NestFastifyApplication): string[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const pathAtDepth: string[] = [];
  const routes = new Set<string>();
  for (const line of tree.split('\n')) {
    const match = ROUTE_TREE_LINE.exec(line);
    if (match?.groups === undefined) continue;
    const depth = (match.groups['indent'] ?? '').length / 4;
    const path = `${depth === 0 ? '' : (pathAtDepth[depth - 1] ?? '')}${match.groups['segment'] ?? ''}`;
    pathAtDepth[depth] = path;
    pathAtDepth.length = depth + 1;
    // The documentation's own routes (UI, assets, the document) are not API operations.
    if (path.startsWith('/v1/docs')) continue;
    for (const method of (match.groups['methods'] ?? '').split(', ').filter(Boolean)) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.add(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return [...routes].sort();
}
