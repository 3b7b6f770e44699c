import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { Histogram, Registry } from 'prom-client';
import { matchedRouteOf } from '../http/matched-route';
import { HTTP_REQUEST_DURATION_METRIC, UNMATCHED_ROUTE_LABEL } from './metric-names.constant';
import { METRICS_REGISTRY } from './metrics-registry.constant';
import { registeredHistogram } from './registered-metric';

type HttpLabel = 'method' | 'route' | 'status';

/**
 * Times every request Fastify answers to the moment its response is finished, whatever produced it (a
 * handler, a guard's refusal, the exception filter, the not-found handler), and labels it with the route
 * TEMPLATE (`/v1/payments/:id`): raw URLs carry ids and would make a time series per resource. Fastify's own
 * `onResponse` hook and `reply.elapsedTime`: no timer object or listener per request.
 */
@Injectable()
export class HttpRequestMetrics {
  private readonly duration: Histogram<HttpLabel>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = registeredHistogram(registry, {
      name: HTTP_REQUEST_DURATION_METRIC,
      help: 'HTTP request duration in seconds, by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
  }

  register(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.duration.observe(
        {
          method: request.method,
          // A request no route matched has no template (Fastify's not-found route has none either).
          route: matchedRouteOf(request) ?? UNMATCHED_ROUTE_LABEL,
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}
