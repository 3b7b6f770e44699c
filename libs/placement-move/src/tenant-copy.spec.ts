import { CHANGED_SINCE_INDEX_NAME, tenantOwnedSchema } from '@tenantpay/data-isolation';
import fc from 'fast-check';
import { type Connection, Types } from 'mongoose';

import { rawCollection, tenantDocument, useTwoPlacements } from '../test/two-placements';
import { catchUpTenantCollection } from './catch-up-tenant-collection';
import { copyCollectionIndexes } from './copy-collection-indexes';
import { copyTenantDocuments } from './copy-tenant-documents';
import { deleteTenantCopy } from './delete-tenant-copy';
import { FreezeBoundExceededError } from './freeze-bound-exceeded.error';
import { MoveDeadline } from './move-deadline';
import { removeVanishedDocuments } from './remove-vanished-documents';
import type { TenantCopyScope } from './tenant-copy-scope';
import { assertChangedSinceIndex } from './changed-since-index';
import { changedSinceFilter } from './changed-since-filter';
import { compareTenantDocuments } from './compare-tenant-documents';

// Declaring the schemas registers the collections as tenant-owned, which the copier requires.
const COLLECTIONS = ['move_spec_items', 'move_spec_notes'] as const;
for (const collection of COLLECTIONS) {
  tenantOwnedSchema({ label: String }, { collection, shard: { unsharded: true, reason: 'test collection' } });
}
const [ITEMS, NOTES] = COLLECTIONS;
/** Registered as tenant-owned and never written: the source has no such collection. */
const NEVER_WRITTEN = 'move_spec_never_written';
tenantOwnedSchema(
  { label: String },
  { collection: NEVER_WRITTEN, shard: { unsharded: true, reason: 'test collection' } },
);
/** Its indexes are built from its schema's declaration, as an application builds them. */
const DECLARED = 'move_spec_declared';
const DECLARED_SCHEMA = tenantOwnedSchema(
  { label: String },
  { collection: DECLARED, shard: { unsharded: true, reason: 'test collection' } },
);

const placements = useTwoPlacements();

function scopeFor(tenantId: Types.ObjectId, batchSize = 7): TenantCopyScope {
  return {
    source: placements.source,
    target: placements.target,
    tenantId,
    collections: COLLECTIONS,
    batchSize,
  };
}

function raw(connection: Connection, collection: string) {
  return rawCollection(connection, collection);
}

async function tenantDocuments(connection: Connection, collection: string, tenantId: Types.ObjectId) {
  return raw(connection, collection).find({ tenantId }).sort({ _id: 1 }).toArray();
}

function item(tenantId: Types.ObjectId, label: string, extra: Record<string, unknown> = {}) {
  return tenantDocument(tenantId, label, extra);
}

describe('copyCollectionIndexes', () => {
  it('builds every source index on the target with its options, before any document', async () => {
    await raw(placements.source, ITEMS).createIndex(
      { tenantId: 1, label: 1 },
      { unique: true, name: 'label_unique' },
    );
    await raw(placements.source, ITEMS).createIndex(
      { tenantId: 1, deletedAt: 1 },
      { name: 'live', partialFilterExpression: { deletedAt: null } },
    );

    const built = await copyCollectionIndexes(placements.source, placements.target, ITEMS);

    expect(built.sort()).toEqual(['label_unique', 'live']);
    const indexes = await raw(placements.target, ITEMS).listIndexes().toArray();
    expect(indexes.find((index) => index['name'] === 'label_unique')).toMatchObject({
      key: { tenantId: 1, label: 1 },
      unique: true,
    });
    expect(indexes.find((index) => index['name'] === 'live')).toMatchObject({
      partialFilterExpression: { deletedAt: null },
    });
    expect(await raw(placements.target, ITEMS).countDocuments()).toBe(0);
  });

  it('builds nothing for a collection the source never created', async () => {
    expect(await copyCollectionIndexes(placements.source, placements.target, NOTES)).toEqual([]);
  });
});

describe('copyTenantDocuments', () => {
  it('copies every document of the tenant and none of another tenant, in batches, repeatably', async () => {
    const tenant = new Types.ObjectId();
    const other = new Types.ObjectId();
    const mine = Array.from({ length: 23 }, (_, n) => item(tenant, `mine-${n}`));
    await raw(placements.source, NOTES).insertMany([...mine, item(other, 'theirs')]);

    expect(await copyTenantDocuments(scopeFor(tenant), NOTES)).toBe(23);
    expect(await copyTenantDocuments(scopeFor(tenant), NOTES)).toBe(23);

    expect(await tenantDocuments(placements.target, NOTES, tenant)).toEqual(mine);
    expect(await raw(placements.target, NOTES).countDocuments({ tenantId: other })).toBe(0);
  });

  it('stops before its next batch once the freeze deadline has passed', async () => {
    const tenant = new Types.ObjectId();
    await raw(placements.source, NOTES).insertMany(
      Array.from({ length: 3 }, (_, n) => item(tenant, `late-${n}`)),
    );
    const passed = MoveDeadline.after(50, Date.now() - 1_000);

    await expect(copyTenantDocuments(scopeFor(tenant), NOTES, undefined, passed)).rejects.toBeInstanceOf(
      FreezeBoundExceededError,
    );
    expect(await raw(placements.target, NOTES).countDocuments({ tenantId: tenant })).toBe(0);
  });

  it('stops between two batches when the check before a batch throws (an operator cancel)', async () => {
    const tenant = new Types.ObjectId();
    await raw(placements.source, NOTES).insertMany(
      Array.from({ length: 20 }, (_, n) => item(tenant, `cancel-${n}`)),
    );
    const canceled = new Error('canceled');
    let batches = 0;

    await expect(
      copyTenantDocuments(scopeFor(tenant, 7), NOTES, undefined, MoveDeadline.none, async () => {
        batches += 1;
        if (batches === 2) throw canceled;
      }),
    ).rejects.toBe(canceled);
    expect(await raw(placements.target, NOTES).countDocuments({ tenantId: tenant })).toBe(7);
  });

  it('stops at a document of another tenant, which only a selection not naming the tenant could bring', async () => {
    const tenant = new Types.ObjectId();
    await raw(placements.source, NOTES).insertOne(item(new Types.ObjectId(), 'foreign'));

    await expect(copyTenantDocuments(scopeFor(tenant), NOTES, { label: 'foreign' })).rejects.toThrow(
      'another tenant',
    );
    expect(await raw(placements.target, NOTES).countDocuments({ label: 'foreign' })).toBe(0);
  });
});

describe('catchUpTenantCollection', () => {
  it('brings over inserts, updates and soft deletes made since the pass, and removes hard deletes', async () => {
    const tenant = new Types.ObjectId();
    const aMinuteAgo = new Date(Date.now() - 60_000);
    const [kept, updated, softDeleted, hardDeleted] = ['kept', 'updated', 'soft', 'hard'].map((label) =>
      tenantDocument(tenant, label, {}, aMinuteAgo),
    ) as [ReturnType<typeof item>, ReturnType<typeof item>, ReturnType<typeof item>, ReturnType<typeof item>];
    await raw(placements.source, NOTES).insertMany([kept, updated, softDeleted, hardDeleted]);
    await copyTenantDocuments(scopeFor(tenant), NOTES);
    const since = new Date();

    const later = new Date(since.getTime() + 1);
    await raw(placements.source, NOTES).updateOne(
      { _id: updated._id },
      { $set: { label: 'changed', updatedAt: later } },
    );
    await raw(placements.source, NOTES).updateOne(
      { _id: softDeleted._id },
      { $set: { deletedAt: later, deletedBy: 'user-1', updatedAt: later } },
    );
    await raw(placements.source, NOTES).deleteOne({ _id: hardDeleted._id });
    const inserted = item(tenant, 'new', { createdAt: later, updatedAt: later });
    await raw(placements.source, NOTES).insertOne(inserted);

    const delta = await catchUpTenantCollection(scopeFor(tenant), NOTES, since, []);

    expect(delta).toEqual({
      copied: 3,
      removed: 1,
      madeDeletions: [],
      counts: { sourceCount: 4, targetCount: 4 },
    });
    expect(await tenantDocuments(placements.target, NOTES, tenant)).toEqual(
      await tenantDocuments(placements.source, NOTES, tenant),
    );
  });
});

describe('catchUpTenantCollection hard deletes', () => {
  it('removes the recorded deletes the source has made, without counting, while frozen', async () => {
    const tenant = new Types.ObjectId();
    const aMinuteAgo = new Date(Date.now() - 60_000);
    const documents = Array.from({ length: 6 }, (_, n) => tenantDocument(tenant, `h-${n}`, {}, aMinuteAgo));
    await raw(placements.source, NOTES).insertMany(documents);
    await copyTenantDocuments(scopeFor(tenant), NOTES);
    const [made, pending] = [documents[2]?._id, documents[4]?._id];
    // Both recorded; only the first delete made (the other is under way, or failed): a record is a candidate.
    await raw(placements.source, NOTES).deleteOne({ _id: made });
    const since = new Date();

    expect(
      await catchUpTenantCollection(
        scopeFor(tenant),
        NOTES,
        since,
        [made, pending],
        MoveDeadline.none,
        'never',
      ),
    ).toEqual({ copied: 0, removed: 1, madeDeletions: [made], counts: undefined });
    expect(await tenantDocuments(placements.target, NOTES, tenant)).toEqual(
      await tenantDocuments(placements.source, NOTES, tenant),
    );
  });

  it('looks for hard deletes nobody recorded only on unfrozen passes, by counts and a merge of id sets', async () => {
    const tenant = new Types.ObjectId();
    const aMinuteAgo = new Date(Date.now() - 60_000);
    const documents = Array.from({ length: 6 }, (_, n) => tenantDocument(tenant, `u-${n}`, {}, aMinuteAgo));
    await raw(placements.source, NOTES).insertMany(documents);
    await copyTenantDocuments(scopeFor(tenant), NOTES);
    await raw(placements.source, NOTES).deleteOne({ _id: documents[2]?._id });
    const since = new Date();

    expect(
      await catchUpTenantCollection(scopeFor(tenant), NOTES, since, [], MoveDeadline.none, 'never'),
    ).toEqual({ copied: 0, removed: 0, madeDeletions: [], counts: undefined });
    expect(await catchUpTenantCollection(scopeFor(tenant), NOTES, since, [])).toEqual({
      copied: 0,
      removed: 1,
      madeDeletions: [],
      counts: { sourceCount: 5, targetCount: 5 },
    });
  });
});

describe('assertChangedSinceIndex', () => {
  it('accepts the index every tenant-owned schema declares, which serves the changed-since selection', async () => {
    await placements.source.model(DECLARED, DECLARED_SCHEMA).init();

    await expect(assertChangedSinceIndex(placements.source, DECLARED)).resolves.toBeUndefined();
    const explained = await raw(placements.source, DECLARED)
      .find(changedSinceFilter(new Types.ObjectId(), new Date()))
      .explain();
    const plan = JSON.stringify(explained['queryPlanner']);
    expect(plan).toContain(CHANGED_SINCE_INDEX_NAME);
    expect(plan).not.toContain('COLLSCAN');
  });

  it('refuses a source collection whose declared indexes were not built', async () => {
    await raw(placements.source, ITEMS).insertOne(item(new Types.ObjectId(), 'unindexed'));

    await expect(assertChangedSinceIndex(placements.source, ITEMS)).rejects.toThrow(
      'move_spec_items has no { tenantId: 1, updatedAt: 1 } index on the source',
    );
  });

  it('accepts a collection the source does not have', async () => {
    await expect(assertChangedSinceIndex(placements.source, NEVER_WRITTEN)).resolves.toBeUndefined();
  });
});

describe('removeVanishedDocuments', () => {
  it('finds hard deletes among ids that are not ObjectIds too', async () => {
    const tenant = new Types.ObjectId();
    const ids = ['a', 'b', 'c', 'd'];
    await raw(placements.source, NOTES).insertMany(
      ids.map((id) => ({ ...item(tenant, id), _id: id })) as never,
    );
    await copyTenantDocuments(scopeFor(tenant, 2), NOTES);
    await raw(placements.source, NOTES).deleteMany({ _id: { $in: ['b', 'd'] } } as never);

    expect(await removeVanishedDocuments(scopeFor(tenant, 2), NOTES)).toBe(2);
    expect((await tenantDocuments(placements.target, NOTES, tenant)).map((d) => d['_id'])).toEqual([
      'a',
      'c',
    ]);
  });

  it('merges ObjectId sets in batches, deleting exactly what the source lost', async () => {
    const tenant = new Types.ObjectId();
    const documents = Array.from({ length: 25 }, (_, n) => item(tenant, `m-${n}`));
    await raw(placements.source, NOTES).insertMany(documents);
    await copyTenantDocuments(scopeFor(tenant, 4), NOTES);
    const lost = documents.filter((_, n) => n % 3 === 0 || n === 24).map((d) => d._id);
    await raw(placements.source, NOTES).deleteMany({ _id: { $in: lost } });

    expect(await removeVanishedDocuments(scopeFor(tenant, 4), NOTES)).toBe(lost.length);
    expect(await tenantDocuments(placements.target, NOTES, tenant)).toEqual(
      await tenantDocuments(placements.source, NOTES, tenant),
    );
  });
});

describe('compareTenantDocuments', () => {
  it('matches equal copies, then tells a stale copy, a missing and an extra document apart', async () => {
    const tenant = new Types.ObjectId();
    const longAgo = new Date(Date.now() - 3_600_000);
    const documents = Array.from({ length: 5 }, (_, n) =>
      tenantDocument(tenant, `c-${n}`, { amount: n }, longAgo),
    );
    await raw(placements.source, ITEMS).insertMany(documents);
    await copyTenantDocuments(scopeFor(tenant), ITEMS);
    const deferFrom = new Date(Date.now() - 60_000);

    const equal = await compareTenantDocuments(scopeFor(tenant), ITEMS, { deferFrom });
    expect(equal).toMatchObject({ compared: 5, deferred: 0, mismatched: 0 });
    expect(equal.sourceChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(equal.targetChecksum).toBe(equal.sourceChecksum);

    await raw(placements.target, ITEMS).updateOne({ _id: documents[0]?._id }, { $set: { amount: 99 } });
    await raw(placements.target, ITEMS).deleteOne({ _id: documents[1]?._id });
    await raw(placements.target, ITEMS).insertOne(item(tenant, 'extra'));
    // Extra target documents are the counts' business, not this comparison's.
    expect(await compareTenantDocuments(scopeFor(tenant), ITEMS, { deferFrom })).toMatchObject({
      compared: 5,
      deferred: 0,
      mismatched: 2,
    });
  });

  it('defers a difference in a document written since the catch-up last read, but not while frozen', async () => {
    const tenant = new Types.ObjectId();
    const longAgo = new Date(Date.now() - 3_600_000);
    const documents = Array.from({ length: 3 }, (_, n) => tenantDocument(tenant, `d-${n}`, {}, longAgo));
    await raw(placements.source, ITEMS).insertMany(documents);
    await copyTenantDocuments(scopeFor(tenant), ITEMS);
    const caughtUpBefore = new Date(Date.now() - 1_000);
    await raw(placements.source, ITEMS).updateOne(
      { _id: documents[2]?._id },
      { $set: { label: 'new', updatedAt: new Date() } },
    );
    await raw(placements.source, ITEMS).insertOne(item(tenant, 'not-yet-copied'));

    expect(
      await compareTenantDocuments(scopeFor(tenant), ITEMS, { deferFrom: caughtUpBefore }),
    ).toMatchObject({ compared: 4, deferred: 2, mismatched: 0 });
    expect(await compareTenantDocuments(scopeFor(tenant), ITEMS, { since: caughtUpBefore })).toMatchObject({
      compared: 2,
      deferred: 0,
      mismatched: 2,
    });
  });

  it('compares collections whose ids are not ObjectIds', async () => {
    const tenant = new Types.ObjectId();
    const longAgo = new Date(Date.now() - 3_600_000);
    await raw(placements.source, NOTES).insertMany(
      ['p', 'q', 'r'].map((id) => ({ ...tenantDocument(tenant, id, {}, longAgo), _id: id })) as never,
    );
    await copyTenantDocuments(scopeFor(tenant, 2), NOTES);
    await raw(placements.target, NOTES).updateOne({ _id: 'q' } as never, { $set: { label: 'damaged' } });

    expect(await compareTenantDocuments(scopeFor(tenant, 2), NOTES, { deferFrom: new Date() })).toMatchObject(
      {
        compared: 3,
        mismatched: 1,
      },
    );
  });
});

describe('deleteTenantCopy', () => {
  it("deletes the tenant's documents of one placement and nobody else's", async () => {
    const tenant = new Types.ObjectId();
    const other = new Types.ObjectId();
    await raw(placements.target, ITEMS).insertMany([
      item(tenant, 'd-1'),
      item(tenant, 'd-2'),
      item(other, 'd-3'),
    ]);

    const deleted = await deleteTenantCopy(placements.target, tenant, COLLECTIONS);

    expect(deleted[ITEMS]).toBe(2);
    expect(await raw(placements.target, ITEMS).countDocuments({ tenantId: other })).toBe(1);
  });
});

describe('copy, catch up and verify under concurrent writes (property)', () => {
  type Write =
    | { kind: 'insert'; collection: 0 | 1; label: string }
    | { kind: 'update'; pick: number; label: string }
    | { kind: 'softDelete'; pick: number }
    | { kind: 'hardDelete'; pick: number };

  const write: fc.Arbitrary<Write> = fc.oneof(
    fc.record({
      kind: fc.constant('insert' as const),
      collection: fc.constantFrom(0 as const, 1 as const),
      label: fc.string(),
    }),
    fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), label: fc.string() }),
    fc.record({ kind: fc.constant('softDelete' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('hardDelete' as const), pick: fc.nat() }),
  );
  const value = fc.oneof(
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 3 }),
  );

  it('leaves the target equal to the source after the final pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(0, 1),
            fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), value, { maxKeys: 4 }),
          ),
          {
            maxLength: 40,
          },
        ),
        fc.array(write, { maxLength: 30 }),
        fc.integer({ min: 1, max: 9 }),
        async (initial, writes, batchSize) => {
          const tenant = new Types.ObjectId();
          const scope = scopeFor(tenant, batchSize);
          const ids: { collection: string; id: Types.ObjectId }[] = [];
          // The move's ledger: every hard delete recorded before it is made, as the repository does.
          const recorded: { collection: string; id: Types.ObjectId }[] = [];
          const recordedIn = (collection: string) =>
            recorded.filter((entry) => entry.collection === collection).map((entry) => entry.id);
          for (const [collection, fields] of initial) {
            // Labels stay unique per document: the items collection carries a unique index on them.
            const document = item(tenant, `initial-${ids.length}`, { extra: fields });
            await raw(placements.source, COLLECTIONS[collection] ?? ITEMS).insertOne(document);
            ids.push({ collection: COLLECTIONS[collection] ?? ITEMS, id: document._id });
          }
          const writer = applyWrites(tenant, writes, ids, recorded);
          // A skew allowance like the mover's: a write stamped just before a pass may land after it reads.
          let since = new Date(Date.now() - 1_000);
          for (const collection of COLLECTIONS) await copyTenantDocuments(scope, collection);
          for (let pass = 0; pass < 2; pass += 1) {
            const next = new Date(Date.now() - 1_000);
            for (const collection of COLLECTIONS)
              await catchUpTenantCollection(scope, collection, since, recordedIn(collection));
            since = next;
          }
          await writer; // the freeze: no more writes
          // The frozen pass: no counts, no merge of id sets; hard deletes only from the ledger.
          for (const collection of COLLECTIONS)
            await catchUpTenantCollection(
              scope,
              collection,
              since,
              recordedIn(collection),
              MoveDeadline.none,
              'never',
            );

          for (const collection of COLLECTIONS) {
            expect(await compareTenantDocuments(scope, collection, {})).toMatchObject({ mismatched: 0 });
            expect(await tenantDocuments(placements.target, collection, tenant)).toEqual(
              await tenantDocuments(placements.source, collection, tenant),
            );
          }
        },
      ),
      { numRuns: 15 },
    );
    // 15 moves of up to 40 documents with up to 30 concurrent writes: about 5 s on a quiet machine.
  }, 120_000);

  async function applyWrites(
    tenant: Types.ObjectId,
    writes: readonly Write[],
    ids: { collection: string; id: Types.ObjectId }[],
    recorded: { collection: string; id: Types.ObjectId }[],
  ): Promise<void> {
    for (const change of writes) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = new Date();
      if (change.kind === 'insert') {
        const collection = COLLECTIONS[change.collection];
        const document = item(tenant, `${change.label}-${ids.length}`);
        await raw(placements.source, collection).insertOne(document);
        ids.push({ collection, id: document._id });
        continue;
      }
      const picked = ids[change.pick % Math.max(ids.length, 1)];
      if (picked === undefined) continue;
      const collection = raw(placements.source, picked.collection);
      if (change.kind === 'update')
        await collection.updateOne(
          { _id: picked.id },
          { $set: { label: `${change.label}-${picked.id.toHexString()}`, updatedAt: now } },
        );
      if (change.kind === 'softDelete')
        await collection.updateOne(
          { _id: picked.id },
          { $set: { deletedAt: now, deletedBy: 'u', updatedAt: now } },
        );
      if (change.kind === 'hardDelete') {
        recorded.push(picked);
        await collection.deleteOne({ _id: picked.id });
      }
    }
  }
});
