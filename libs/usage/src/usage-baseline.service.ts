import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, RedisScript, type RedisClient } from '@tenantpay/platform';

import { SEED_USAGE_BASELINE_SCRIPT } from './seed-usage-baseline.script';
import type { ProducerMarks, ProducersMarks } from './producer-marks';
import type { StorageTotal } from './storage-total';
import { firstSequencesIn, type HashProducers, producerIdsIn } from './persisted-increments-in-hash';
import {
  PRODUCER_MARKS_TTL_SECONDS,
  producerFloorField,
  producerMarksKey,
  storageTotalKey,
  USAGE_BASELINE_FIELD,
  USAGE_HASH_TTL_SECONDS,
  usageHashKey,
} from './usage.constant';
import { type UsageCounters, usageFromHash, USAGE_METRICS, ZERO_USAGE } from './usage-counters';
import { UsageDataLossService } from './usage-data-loss.service';
import type { UsageIncrements } from './usage-event';
import type { PersistedUsage } from './usage-records.repository';
import { UsageRecordsRepository } from './usage-records.repository';

/**
 * What a tenant's usage hash holds: absolute values, or only what was counted since its baseline was lost; and
 * its producers, which tell whether the latter may be an older copy (see mayHoldPersistedIncrements).
 */
export interface RedisUsageState extends HashProducers {
  readonly exists: boolean;
  readonly hasBaseline: boolean;
  readonly counters: UsageCounters;
}

/**
 * A hash as the baseline left it: absolute counters, and the producer marks that account for them and for the
 * storage total read with them (null while the total has no baseline: it holds only what grew since Redis lost
 * it, and is re-based by the next growth).
 */
export interface BaselinedUsageState extends RedisUsageState {
  readonly producerMarks: ProducersMarks;
  readonly storageTotal: StorageTotal | null;
}

/** A producer that starts writing to the tenant-month between two reads only makes the snapshot try again. */
const SNAPSHOT_ATTEMPTS = 5;

/**
 * Keeps Redis counts continuous with MongoDB across Redis data loss: a hash without a baseline gets the
 * persisted values added to it once (or, when it is an older copy holding what they count, the larger of
 * each: mayHoldPersistedIncrements), a hash behind MongoDB is raised to it, so new increments continue from
 * what was persisted, and the persisted producer marks are merged back, so replays of increments MongoDB already
 * counts are recognised. Either repair after MongoDB had usage for the period is a detected loss, reported once
 * (the script's `HSETNX` or raise happens for one caller only).
 */
@Injectable()
export class UsageBaselineService {
  private readonly script = new RedisScript(SEED_USAGE_BASELINE_SCRIPT);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly records: UsageRecordsRepository,
    private readonly loss: UsageDataLossService,
  ) {}

  /** {@link ensure} for many tenant-periods at once: one MongoDB read per period, the Redis calls in parallel. */
  async ensureAll(periods: readonly { readonly tenantId: string; readonly period: string }[]): Promise<void> {
    const tenantsByPeriod = new Map<string, Set<string>>();
    for (const { tenantId, period } of periods) {
      tenantsByPeriod.set(period, (tenantsByPeriod.get(period) ?? new Set()).add(tenantId));
    }
    for (const [period, tenants] of tenantsByPeriod) {
      const tenantIds = [...tenants];
      const persisted = await this.records.findMany(tenantIds, period);
      await Promise.all(
        tenantIds.map((tenantId) => this.ensure(tenantId, period, persisted.get(tenantId) ?? null)),
      );
    }
  }

  /**
   * Seeds (creating a missing hash) or raises the hash from MongoDB as needed and answers its absolute
   * counters with the producer marks that account for them. `persisted` may be passed when the caller already
   * read it (the sync reads a batch at once). `firstWrite`: increments the caller has just applied to the hash
   * as a first write (never applied before), which the seeding then keeps even where it takes the larger of
   * MongoDB's and the hash's counts (see SEED_USAGE_BASELINE_SCRIPT).
   */
  async ensure(
    tenantId: string,
    period: string,
    persisted?: PersistedUsage | null,
    firstWrite: UsageIncrements = {},
  ): Promise<BaselinedUsageState> {
    const base = persisted === undefined ? await this.records.find(tenantId, period) : persisted;
    const counters = base?.counters ?? ZERO_USAGE;
    const persistedMarks = base?.producers ?? {};
    const hashKey = usageHashKey(tenantId, period);
    for (let attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt += 1) {
      const producerIds = [
        ...new Set([...producerIdsIn(await this.redis.hkeys(hashKey)), ...Object.keys(persistedMarks)]),
      ];
      const reply = await this.script.evaluate(
        this.redis,
        [
          hashKey,
          storageTotalKey(tenantId),
          ...producerIds.map((id) => producerMarksKey(tenantId, period, id)),
        ],
        [
          counters.api_calls,
          counters.transactions,
          counters.storage_bytes,
          counters.bandwidth_bytes,
          USAGE_HASH_TTL_SECONDS,
          PRODUCER_MARKS_TTL_SECONDS,
          firstWrite.api_calls ?? 0,
          firstWrite.transactions ?? 0,
          0,
          firstWrite.bandwidth_bytes ?? 0,
          ...producerIds.flatMap((id) => marksArguments(id, persistedMarks[id])),
        ],
      );
      const [seeded, raised, fields, total, ...marks] = Array.isArray(reply) ? reply : [];
      if (seeded === -1) continue;
      const hash = pairsToRecord(Array.isArray(fields) ? fields : []);
      const state = {
        ...toRedisUsageState(hash),
        producerMarks: marksOf(producerIds, hash, marks),
        storageTotal: storageTotalOf(total),
      };
      if (raised === 1) {
        await this.loss.reportPeriod('period_behind', tenantId, period, counters, state.counters);
      } else if (seeded === 1 && USAGE_METRICS.some((metric) => counters[metric] > 0)) {
        await this.loss.reportPeriod('period_missing', tenantId, period, counters, state.counters);
      }
      return state;
    }
    throw new Error(`Usage producers of a tenant-month kept changing over ${SNAPSHOT_ATTEMPTS} reads`);
  }
}

function marksArguments(producerId: string, persisted: ProducerMarks | undefined): (string | number)[] {
  return [producerFloorField(producerId), persisted?.floor ?? '', persisted?.applied.join(' ') ?? ''];
}

function marksOf(
  producerIds: readonly string[],
  hash: Readonly<Record<string, string>>,
  members: readonly unknown[],
): ProducersMarks {
  const marks: Record<string, ProducerMarks> = {};
  producerIds.forEach((producerId, index) => {
    const floor = Number(hash[producerFloorField(producerId)]);
    const applied = members[index];
    if (!Number.isSafeInteger(floor)) return;
    marks[producerId] = { floor, applied: Array.isArray(applied) ? applied.map(Number) : [] };
  });
  return marks;
}

/** `HMGET bytes shrunk <baseline>` of the storage total, as the counters the sync persists. */
function storageTotalOf(reply: unknown): StorageTotal | null {
  const [bytes, shrunk, baseline] = Array.isArray(reply) ? reply : [];
  if (baseline === null || baseline === undefined) return null;
  const total = Number(bytes ?? 0);
  const removed = Number(shrunk ?? 0);
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(removed)) return null;
  return { grown: total + removed, shrunk: removed };
}

export function toRedisUsageState(hash: Readonly<Record<string, string>>): RedisUsageState {
  return {
    exists: Object.keys(hash).length > 0,
    hasBaseline: hash[USAGE_BASELINE_FIELD] !== undefined,
    counters: usageFromHash(hash),
    producerIds: producerIdsIn(Object.keys(hash)),
    firstSequences: firstSequencesIn(hash),
  };
}

function pairsToRecord(pairs: readonly unknown[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) record[String(pairs[i])] = String(pairs[i + 1]);
  return record;
}
