import { firstSequenceField } from '@tenantpay/rate-limiting';

/** Redis key names, queue and job names, header names and tuning defaults of usage metering, in one place. */

/**
 * The tenant's usage hash for one period. The tenant id is the Redis Cluster hash tag, shared with the rate
 * limiter's keys (`rl:{<tenantId>}:…`), so usage increments can ride in the same script call as a decision.
 */
export function usageHashKey(tenantId: string, period: string): string {
  return `usage:{${tenantId}}:${period}`;
}

/**
 * Marks one keyed usage event as counted (`SET NX EX`): only events with a business id that any process may
 * record again (a payment's transaction, whose job may be retried on another worker). It guards the business id
 * only; replays, also of keyed events, are recognised by producer sequence (see producerMarksKey), whose marks
 * the sync persists, so a replay after Redis lost the marker is not counted twice.
 */
export function usageEventKey(tenantId: string, period: string, eventId: string): string {
  return `usage:{${tenantId}}:${period}:event:${eventId}`;
}

/**
 * The sequences one producer (API or worker process) applied out of order in a tenant-month, above its floor
 * (see CLAIM_PRODUCER_SEQUENCE_LUA in the rate-limiting library): a sorted set that exists only while some do.
 */
export function producerMarksKey(tenantId: string, period: string, producerId: string): string {
  return `usage:{${tenantId}}:${period}:producer:${producerId}`;
}

/**
 * The usage hash's field holding one producer's floor for the tenant-month: in the hash, so the sync copies it
 * with the counters it accounts for, in one read.
 */
export function producerFloorField(producerId: string): string {
  return `${PRODUCER_FLOOR_FIELD_PREFIX}${producerId}`;
}

/** Usage hash fields starting with this are producer floors; counters and the baseline field never do. */
export const PRODUCER_FLOOR_FIELD_PREFIX = '~';

/**
 * The usage hash's field keeping the first sequence a producer claimed in it (CLAIM_PRODUCER_SEQUENCE_LUA): it
 * tells a hash rebuilt after a loss from an older copy (see SEED_USAGE_BASELINE_SCRIPT).
 */
export function producerFirstSequenceField(producerId: string): string {
  return firstSequenceField(producerFloorField(producerId));
}

/**
 * The tenant's stored bytes now (not per period): what the period's `storage_bytes` gauge rises to. Fields:
 * `bytes` (the total), `shrunk` (lifetime bytes removed; `bytes + shrunk` is what grew, see StorageTotal) and
 * the baseline field once the total continues what MongoDB persisted.
 */
export function storageTotalKey(tenantId: string): string {
  return `usage:{${tenantId}}:storage`;
}

/** Set once when a tenant's usage first reaches a threshold in a period: the alert fires exactly once. */
export function usageThresholdFlagKey(tenantId: string, period: string, thresholdPercent: number): string {
  return `usage:{${tenantId}}:${period}:threshold:${thresholdPercent}`;
}

/**
 * Transaction quota holds of a period (see TransactionQuotaService): a sorted set of hold ids scored by their
 * expiry (ms, Redis time), so a hold whose creator died is given back, and a hash of each hold's units with
 * their sum in {@link QUOTA_HELD_TOTAL_FIELD}. Same hash tag as the usage hash: one script sees both.
 */
export function quotaHoldExpiriesKey(tenantId: string, period: string): string {
  return `usage:{${tenantId}}:${period}:holds`;
}

export function quotaHeldUnitsKey(tenantId: string, period: string): string {
  return `usage:{${tenantId}}:${period}:held`;
}

/** The sum of every live hold's units; hold ids never start with '#'. */
export const QUOTA_HELD_TOTAL_FIELD = '#total';

/**
 * One shard of the "usage changed" markers (see UsageDirtyShards): members are `<period>:<tenantId>` of
 * tenant-periods not yet copied to MongoDB. The tag puts it in its tenants' Cluster slot, so marking rides in
 * the tenant's own script call.
 */
export function usageDirtySetKey(shardTag: string): string {
  return `usage:dirty:{${shardTag}}`;
}

/**
 * Shards noted as changing (see ChangedUsageShards), scored by when (ms): the sync job reads these instead of
 * probing every shard. One key on its own, so no hash tag is needed in Redis Cluster.
 */
export const USAGE_CHANGED_SHARDS_KEY = 'usage:changed-shards';
/** A process notes a shard at most this often: O(active tenants) writes per second, not O(requests). */
export const USAGE_CHANGED_SHARD_NOTE_EVERY_MS = 1_000;
/**
 * How long a note keeps its shard in the sync job's list: well over a sync interval plus a note's refresh,
 * with room for clock skew between API and worker hosts. A sync job that last ran longer ago than
 * {@link USAGE_FULL_WALK_AFTER_GAP_MS} walks every shard instead.
 */
export const USAGE_CHANGED_SHARDS_WINDOW_MS = 120_000;
/** Past this gap since its previous run, the sync job cannot trust the notes' window and walks every shard. */
export const USAGE_FULL_WALK_AFTER_GAP_MS = 60_000;
/** The sync job walks every shard at least this often, for notes lost with Redis or never written. */
export const USAGE_FULL_WALK_EVERY_MS = 300_000;

/** Members the sync job took from a dirty shard and has not finished copying (survives a crashed sync). */
export function usageSyncingSetKey(shardTag: string): string {
  return `usage:syncing:{${shardTag}}`;
}

/** A dirty-shard member: the period first, so the sync job groups a shard's members by period. */
export function usageDirtyMember(period: string, tenantId: string): string {
  return `${period}:${tenantId}`;
}

/**
 * Hash field present once the hash holds absolute values. A hash without it was created after Redis lost
 * the period's data (or is the period's first write): it holds only what was counted since, and the
 * persisted MongoDB values must be added to it (see UsageBaselineService).
 */
export const USAGE_BASELINE_FIELD = '_baseline';

/**
 * Present while Redis still holds the data the usage sync has seen (written by the sync when missing, never
 * expiring): the sync finding it gone while MongoDB already holds usage means Redis lost its data. In Redis
 * Cluster it covers the node of its slot; per-tenant checks (UsageBaselineService) cover every node.
 */
export const USAGE_REDIS_SENTINEL_KEY = 'usage:sentinel';

/** Usage hashes outlive their month long enough for billing to read them; MongoDB keeps them for good. */
export const USAGE_HASH_TTL_SECONDS = 90 * 24 * 3600;
/**
 * A producer's out-of-order marks need only outlive its replays, which come from its in-process buffer while
 * Redis is unreachable: refreshed on every write out of order, so they expire this long after the producer (a
 * process that restarted, or scaled in) last wrote one.
 */
export const PRODUCER_MARKS_TTL_SECONDS = 6 * 3600;
/**
 * An increment still in flight this long after it was issued no longer holds its producer's floor down (its
 * settlement was lost to a bug): far beyond any Redis call's timeout, far below the marks' TTL.
 */
export const UNSETTLED_IN_FLIGHT_MAX_AGE_MS = 60_000;
/** Event markers of transactions (one per payment) guard retries of payment creation for days. */
export const TRANSACTION_EVENT_TTL_SECONDS = 7 * 24 * 3600;
/** The running storage total outlives any period; refreshed on every change. */
export const STORAGE_TOTAL_TTL_SECONDS = 400 * 24 * 3600;
/** Threshold flags live as long as the hash: an alert must not repeat while its period can still be read. */
export const THRESHOLD_FLAG_TTL_SECONDS = USAGE_HASH_TTL_SECONDS;

/** Retry-After of a 503 when Redis did not answer and this process knows nothing of the tenant's remainder. */
export const QUOTA_UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

/** Percentages of a limit at which the tenant is alerted, once per period each. */
export const USAGE_ALERT_THRESHOLDS: readonly number[] = [80, 100];

/** The tenant webhook event (and audit action) raised when usage crosses a threshold. */
export const USAGE_THRESHOLD_REACHED_EVENT = 'usage.threshold_reached';

/** When the monthly quota is available again (unix seconds), on `quota_exceeded` refusals. */
export const QUOTA_RESET_HEADER = 'X-Quota-Reset';
export const RETRY_AFTER_HEADER = 'Retry-After';

export const USAGE_QUEUE = 'usage';
export const USAGE_SYNC_JOB = 'usage.sync';
export const USAGE_MONTH_CLOSE_JOB = 'usage.month-close';

/**
 * Tenant-periods whose persisted copy one API process keeps for the reads of its hot path (a tenant reading
 * its own open period); each entry is a few hundred bytes.
 */
export const PERSISTED_USAGE_CACHE_MAX_ENTRIES = 10_000;
/** How often the worker copies changed counters to MongoDB: losing Redis loses at most this much. */
export const DEFAULT_USAGE_SYNC_INTERVAL_MS = 10_000;
/** How often the worker looks for periods past their grace period to close. */
export const DEFAULT_USAGE_MONTH_CLOSE_INTERVAL_MS = 3_600_000;
/** A period is closed (transactions reconciled against payments) this long after it ends. */
export const DEFAULT_USAGE_CLOSE_GRACE_MS = 3 * 24 * 3_600_000;
/** Usage events kept in process while Redis is unreachable; beyond this the oldest are dropped and counted. */
export const DEFAULT_USAGE_BUFFER_CAPACITY = 100_000;
/** How often buffered events and pending response bytes are written to Redis. */
export const DEFAULT_USAGE_DRAIN_INTERVAL_MS = 1_000;
/** How long a usage write waits for Redis before the event is buffered instead. */
export const DEFAULT_USAGE_REDIS_TIMEOUT_MS = 250;
/** Events written per pipeline when draining the buffer. */
export const USAGE_DRAIN_BATCH_SIZE = 500;
/** Route metadata set by `ReadsCurrentUsage`. */
export const READS_CURRENT_USAGE = 'tenantpay:reads-current-usage';
