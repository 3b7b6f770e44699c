import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';

import type { ProducersMarks } from './producer-marks';
import type { StorageTotal } from './storage-total';
import { type UsageCounters, ZERO_USAGE } from './usage-counters';
import { USAGE_RECORD_MODEL, type UsageRecordDocument } from './usage-record.schema';

/** A persisted period as the rest of the library sees it. */
export interface PersistedUsage {
  readonly tenantId: string;
  readonly period: string;
  readonly counters: UsageCounters;
  /** The producer marks accounting for `counters` (see ProducerMarks). */
  readonly producers: ProducersMarks;
  readonly closed: boolean;
}

export interface UsageSnapshotToPersist {
  readonly tenantId: string;
  readonly period: string;
  readonly counters: UsageCounters;
  readonly producers: ProducersMarks;
  /** The marks persisted before, read by the caller: their applied sequences now below a floor are dropped. */
  readonly persistedProducers: ProducersMarks;
  /** The tenant's storage total read with the marks (null: Redis has no baseline for it to persist). */
  readonly storageTotal: StorageTotal | null;
}

/**
 * The only access to `usage_records`. Writes are raises (`$max`), so a replayed or reordered sync can never
 * lower a count; only month close sets `transactions` to the authoritative number. Producer marks are merged
 * the same way (floors by `$max`, applied sequences added one field each), so a reordered sync never forgets a
 * sequence that the counters it left behind include.
 */
@Injectable()
export class UsageRecordsRepository {
  constructor(@InjectModel(USAGE_RECORD_MODEL) private readonly model: Model<UsageRecordDocument>) {}

  async find(tenantId: string, period: string): Promise<PersistedUsage | null> {
    const document = await this.model.findOne({ tenantId, period }).lean().exec();
    return document === null ? null : toPersisted(document);
  }

  async findMany(tenantIds: readonly string[], period: string): Promise<Map<string, PersistedUsage>> {
    if (tenantIds.length === 0) return new Map();
    // One tenant's read is an equality: inside its context the command wall accepts only that.
    const tenantCondition = tenantIds.length === 1 ? tenantIds[0] : { $in: [...tenantIds] };
    const documents = await this.model.find({ period, tenantId: tenantCondition }).lean().exec();
    return new Map(documents.map((document) => [document.tenantId, toPersisted(document)]));
  }

  async findByPeriod(period: string): Promise<PersistedUsage[]> {
    const documents = await this.model.find({ period }).sort({ tenantId: 1 }).lean().exec();
    return documents.map(toPersisted);
  }

  /** Whether any usage was ever persisted (a platform that has never synced has nothing Redis could lose). */
  async hasAny(): Promise<boolean> {
    return (await this.model.exists({}).exec()) !== null;
  }

  /**
   * The tenant's storage total as last persisted, whichever period's sync persisted it: its counters only rise,
   * so the largest of each is the latest. A tenant has one record per month, so this reads a few dozen. Records
   * synced before the total was persisted have only their period's peak: while no record has a total, the latest
   * peak stands in for it, as it did before.
   */
  async persistedStorageTotal(tenantId: string): Promise<StorageTotal> {
    const documents = await this.model
      .find({ tenantId }, { period: 1, storage_bytes: 1, storageGrown: 1, storageShrunk: 1 })
      .lean()
      .exec();
    const persisted = documents.filter((document) => document.storageGrown !== undefined);
    if (persisted.length === 0) {
      const [latest] = documents.sort((a, b) => b.period.localeCompare(a.period));
      return { grown: latest?.storage_bytes ?? 0, shrunk: 0 };
    }
    return persisted.reduce<StorageTotal>(
      (total, document) => ({
        grown: Math.max(total.grown, document.storageGrown ?? 0),
        shrunk: Math.max(total.shrunk, document.storageShrunk ?? 0),
      }),
      { grown: 0, shrunk: 0 },
    );
  }

  /** Raises each record to at least the given absolute counters and marks, creating it if needed. */
  async raise(snapshots: readonly UsageSnapshotToPersist[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.model.bulkWrite(
      snapshots.map((snapshot) => ({
        updateOne: {
          filter: { tenantId: snapshot.tenantId, period: snapshot.period },
          update: raiseUpdate(snapshot),
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** Adds a threshold to the period's alerted ones; true only for the caller that added it. */
  async markThresholdNotified(tenantId: string, period: string, thresholdPercent: number): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { tenantId, period },
        {
          $addToSet: { notifiedThresholds: thresholdPercent },
          $setOnInsert: { ...ZERO_USAGE, closedAt: null, meteredTransactions: null },
        },
        // Without timestamps: a touched `updatedAt` would report an already-present threshold as modified.
        { upsert: true, timestamps: false },
      )
      .exec();
    return result.modifiedCount + result.upsertedCount === 1;
  }

  /** Open periods strictly before `beforePeriod`, oldest first. */
  async findOpenBefore(beforePeriod: string, limit: number): Promise<PersistedUsage[]> {
    const documents = await this.model
      .find({ period: { $lt: beforePeriod }, closedAt: null })
      .sort({ period: 1, tenantId: 1 })
      .limit(limit)
      .lean()
      .exec();
    return documents.map(toPersisted);
  }

  /** Closes a period with the authoritative transaction count; a closed period is never closed again. */
  async close(tenantId: string, period: string, transactions: number, closedAt: Date): Promise<boolean> {
    const current = await this.model.findOne({ tenantId, period, closedAt: null }).lean().exec();
    if (current === null) return false;
    const result = await this.model
      .updateOne(
        { tenantId, period, closedAt: null },
        { $set: { transactions, meteredTransactions: current.transactions, closedAt } },
      )
      .exec();
    return result.modifiedCount === 1;
  }
}

function raiseUpdate({
  counters,
  producers,
  persistedProducers,
  storageTotal,
}: UsageSnapshotToPersist): UpdateQuery<UsageRecordDocument> {
  const max: Record<string, number> = { ...counters };
  if (storageTotal !== null) {
    max['storageGrown'] = storageTotal.grown;
    max['storageShrunk'] = storageTotal.shrunk;
  }
  const set: Record<string, true> = {};
  const unset: Record<string, ''> = {};
  for (const [producerId, { floor, applied }] of Object.entries(producers)) {
    max[`producers.${producerId}.floor`] = floor;
    for (const sequence of applied) {
      if (sequence >= floor) set[`producers.${producerId}.applied.${sequence}`] = true;
    }
    for (const sequence of persistedProducers[producerId]?.applied ?? []) {
      if (sequence < floor) unset[`producers.${producerId}.applied.${sequence}`] = '';
    }
  }
  return {
    $max: max,
    $setOnInsert: { notifiedThresholds: [], closedAt: null, meteredTransactions: null },
    ...(Object.keys(set).length > 0 ? { $set: set } : {}),
    ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
  };
}

function toProducersMarks(stored: UsageRecordDocument['producers'] | undefined): ProducersMarks {
  const marks: Record<string, ProducersMarks[string]> = {};
  for (const [producerId, { floor, applied }] of Object.entries(stored ?? {})) {
    marks[producerId] = { floor, applied: Object.keys(applied ?? {}).map(Number) };
  }
  return marks;
}

function toPersisted(document: UsageRecordDocument): PersistedUsage {
  return {
    tenantId: document.tenantId,
    period: document.period,
    counters: {
      api_calls: document.api_calls ?? 0,
      transactions: document.transactions ?? 0,
      storage_bytes: document.storage_bytes ?? 0,
      bandwidth_bytes: document.bandwidth_bytes ?? 0,
    },
    producers: toProducersMarks(document.producers),
    closed: document.closedAt != null,
  };
}
