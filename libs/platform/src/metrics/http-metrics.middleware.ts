import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram, Registry } from 'prom-client';
import { HTTP_REQUEST_DURATION_METRIC, UNMATCHED_ROUTE_LABEL } from './metric-names.constant';
import { METRICS_REGISTRY } from './metrics-registry.constant';
import { registeredHistogram } from './registered-metric';

type HttpLabel = 'method' | 'route' | 'status';

/**
 * Times every request to the moment its response is finished, whatever produced it (a handler, a guard's
 * refusal, the exception filter), and labels it with the route TEMPLATE (`/v1/payments/:id`), known only
 * once the router matched: raw URLs carry ids and would make a time series per resource.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration: Histogram<HttpLabel>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = registeredHistogram(registry, {
      name: HTTP_REQUEST_DURATION_METRIC,
      help: 'HTTP request duration in seconds, by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const stopTimer = this.duration.startTimer();
    response.once('finish', () => {
      stopTimer({
        method: request.method,
        route: routeTemplate(request),
        status: String(response.statusCode),
      });
    });
    next();
  }
}

function routeTemplate(request: Request): string {
  const route = request.route as { path?: unknown; methods?: Record<string, boolean> } | undefined;
  // Nest mounts path-scoped middleware as all-method routes (`/v1/{*path}`); a request that matched only
  // those reached no handler. A handler's route serves one method. (No controller uses @All.)
  if (typeof route?.path !== 'string' || Object.keys(route.methods ?? {}).length !== 1) {
    return UNMATCHED_ROUTE_LABEL;
  }
  return `${request.baseUrl}${route.path}`;
}
