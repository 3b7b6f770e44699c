import type { NestExpressApplication } from '@nestjs/platform-express';

interface RouterLayer {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
}

/**
 * Every route the application serves, as `METHOD /path/{param}` (the OpenAPI spelling), read from the
 * Express router itself so that a new route is seen without anyone listing it.
 */
export function servedRoutes(app: NestExpressApplication): string[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } }).router;
  const routes = new Set<string>();
  for (const layer of router.stack) {
    const route = layer.route;
    const methods = Object.keys(route?.methods ?? {});
    // Path-scoped middleware is mounted as an all-method route; handlers serve exactly one method.
    if (route === undefined || methods.length !== 1) continue;
    // The documentation's own routes (UI, assets, the document) are not API operations.
    if (route.path.startsWith('/v1/docs')) continue;
    routes.add(`${methods[0]?.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return [...routes].sort();
}
