import type { UsageMetric } from './usage-counters';
import type { USAGE_THRESHOLD_REACHED_EVENT } from './usage.constant';

/** The tenant webhook event raised once per period when usage reaches a percentage of a limit. */
export interface UsageThresholdReachedEvent {
  readonly type: typeof USAGE_THRESHOLD_REACHED_EVENT;
  readonly tenantId: string;
  readonly data: {
    readonly period: string;
    readonly metric: UsageMetric;
    readonly thresholdPercent: number;
    readonly limit: number;
    readonly value: number;
    readonly reachedAt: string;
  };
}

/**
 * Where threshold events go: bound by the application to the webhooks library (tenant webhook delivery).
 * Without a binding they are only logged.
 */
export interface UsageEventPublisher {
  publish(event: UsageThresholdReachedEvent): Promise<void>;
}

export const USAGE_EVENT_PUBLISHER = Symbol('USAGE_EVENT_PUBLISHER');
