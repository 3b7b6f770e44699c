import type { HealthIndicatorResult } from '@nestjs/terminus';

/**
 * A further readiness check a feature library contributes (bound by a global module under
 * READINESS_INDICATOR), run beside MongoDB and Redis with the same timeout. The platform cannot import the
 * libraries above it, so they plug in here.
 */
export interface ReadinessIndicator {
  readonly key: string;
  check(timeoutMs: number): Promise<HealthIndicatorResult>;
}

export const READINESS_INDICATOR = Symbol('READINESS_INDICATOR');
