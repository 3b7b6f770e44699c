import { Counter, Gauge, register } from 'prom-client';

export const USAGE_EVENTS_DROPPED_METRIC = 'tenantpay_usage_events_dropped_total';
export const USAGE_EVENTS_BUFFERED_METRIC = 'tenantpay_usage_events_buffered';
export const USAGE_EVENTS_REPLAYED_METRIC = 'tenantpay_usage_events_replayed_total';
export const USAGE_REDIS_DATA_LOSS_METRIC = 'tenantpay_usage_redis_data_loss_total';
export const QUOTA_FALLBACK_DECISIONS_METRIC = 'tenantpay_quota_fallback_decisions_total';

/** How a reservation Redis did not answer in time was decided (see TransactionQuotaService). */
export type QuotaFallbackDecision = 'admitted' | 'refused' | 'unavailable';

/**
 * Metering's own health on prom-client's default registry (served by /metrics): events lost because the
 * outage buffer overflowed (each one is usage never billed: alert on any increase), events waiting for
 * Redis, events written late, and Redis data losses detected (alert on any increase: usage since the last
 * sync to MongoDB is gone); and transaction quota reservations decided in process because Redis did not answer
 * in time (each process admits on its own knowledge then: the outage's extent and its refusals show here).
 */
export class UsageMetrics {
  readonly dropped = singleton(
    USAGE_EVENTS_DROPPED_METRIC,
    () =>
      new Counter({
        name: USAGE_EVENTS_DROPPED_METRIC,
        help: 'Usage events dropped because the in-process outage buffer was full',
      }),
  );
  readonly buffered = singleton(
    USAGE_EVENTS_BUFFERED_METRIC,
    () =>
      new Gauge({
        name: USAGE_EVENTS_BUFFERED_METRIC,
        help: 'Usage events waiting in process for Redis',
      }),
  );
  readonly replayed = singleton(
    USAGE_EVENTS_REPLAYED_METRIC,
    () =>
      new Counter({
        name: USAGE_EVENTS_REPLAYED_METRIC,
        help: 'Buffered usage events written to Redis after it became reachable again',
      }),
  );
  readonly redisDataLoss = singleton(
    USAGE_REDIS_DATA_LOSS_METRIC,
    () =>
      new Counter({
        name: USAGE_REDIS_DATA_LOSS_METRIC,
        help: 'Redis usage data losses detected: Redis emptied (sentinel gone), or a tenant-period missing from or behind MongoDB',
        labelNames: ['detected_by'],
      }),
  );
  readonly quotaFallbackDecisions = singleton(
    QUOTA_FALLBACK_DECISIONS_METRIC,
    () =>
      new Counter<'decision'>({
        name: QUOTA_FALLBACK_DECISIONS_METRIC,
        help: 'Transaction quota reservations decided without Redis: admitted from the remainder last known, refused beyond it (429), or unavailable for a tenant never seen (503)',
        labelNames: ['decision'],
      }),
  );
  /** Also kept in process, for tests and logs (the prom-client counter is shared by every instance). */
  droppedCount = 0;
}

function singleton<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}
