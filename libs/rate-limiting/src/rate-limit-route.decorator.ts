import { SetMetadata } from '@nestjs/common';

export const SKIP_RATE_LIMIT = 'tenantpay:skip-rate-limit';
export const RATE_LIMIT_ROUTE = 'tenantpay:rate-limit-route';

/** How a route draws on its caller's quota: which bucket and how many units per request. */
export interface RateLimitRouteOptions {
  /** A separate counter for this route (default: the caller's shared `api` bucket). */
  readonly bucket?: string;
  /** Units per request (default 1); heavier routes such as bulk payments cost more. */
  readonly cost?: number;
}

/** Exempts a route from rate limiting (health probes); anything else is limited. */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(SKIP_RATE_LIMIT, true);

export const RateLimitRoute = (options: RateLimitRouteOptions): MethodDecorator & ClassDecorator =>
  SetMetadata(RATE_LIMIT_ROUTE, options);
