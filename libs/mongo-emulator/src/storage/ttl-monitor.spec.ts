import { MongoClient } from 'mongodb';
import { MongoEmulator } from '../mongo-emulator';
import { WriteLockTable } from '../transactions/write-lock-table';
import { Collection } from './collection';
import { indexDefinitionFrom } from './index-definition';
import { TtlMonitor } from './ttl-monitor';

const NOW = Date.parse('2025-01-01T00:00:00Z');
const secondsAgo = (seconds: number): Date => new Date(NOW - seconds * 1000);

function keysCollection(indexSpec: object): Collection {
  const collection = new Collection('db', 'idempotency_keys', new WriteLockTable());
  collection.createIndex(indexDefinitionFrom(indexSpec));
  return collection;
}

const sweep = (collection: Collection): number =>
  new TtlMonitor(
    () => [collection],
    1000,
    () => NOW,
  ).sweep();
const remainingIds = (collection: Collection): unknown[] =>
  [...collection.documents()].map((document) => document['_id']);

describe('TtlMonitor', () => {
  it('deletes documents whose date is older than expireAfterSeconds, and only those', () => {
    const collection = keysCollection({ key: { createdAt: 1 }, expireAfterSeconds: 60 });
    collection.insert({ _id: 'old', createdAt: secondsAgo(61) });
    collection.insert({ _id: 'fresh', createdAt: secondsAgo(59) });
    collection.insert({ _id: 'not-a-date', createdAt: 'yesterday' });
    collection.insert({ _id: 'missing' });

    expect(sweep(collection)).toBe(1);
    expect(remainingIds(collection)).toEqual(['fresh', 'not-a-date', 'missing']);
  });

  it('reads candidates from a descending index as from an ascending one, arrays by their earliest date', () => {
    const collection = keysCollection({ key: { seenAt: -1 }, expireAfterSeconds: 60 });
    collection.insert({ _id: 'old', seenAt: secondsAgo(3600) });
    collection.insert({ _id: 'edge', seenAt: secondsAgo(60) });
    collection.insert({ _id: 'fresh', seenAt: secondsAgo(1) });
    collection.insert({ _id: 'array', seenAt: [secondsAgo(1), secondsAgo(120)] });
    collection.insert({ _id: 'number', seenAt: 0 });

    expect(sweep(collection)).toBe(3);
    expect(remainingIds(collection)).toEqual(['fresh', 'number']);
  });

  it('expires at an absolute time with expireAfterSeconds 0', () => {
    const collection = keysCollection({ key: { expiresAt: 1 }, expireAfterSeconds: 0 });
    collection.insert({ _id: 'due', expiresAt: secondsAgo(0) });
    collection.insert({ _id: 'later', expiresAt: secondsAgo(-1) });

    sweep(collection);

    expect(remainingIds(collection)).toEqual(['later']);
  });

  it('uses the earliest date of an array field', () => {
    const collection = keysCollection({ key: { seenAt: 1 }, expireAfterSeconds: 10 });
    collection.insert({ _id: 'mixed', seenAt: [secondsAgo(1), secondsAgo(100)] });

    sweep(collection);

    expect(remainingIds(collection)).toEqual([]);
  });

  it('only expires documents a partial TTL index covers', () => {
    const collection = keysCollection({
      key: { createdAt: 1 },
      expireAfterSeconds: 1,
      partialFilterExpression: { status: 'done' },
    });
    collection.insert({ _id: 'done', status: 'done', createdAt: secondsAgo(5) });
    collection.insert({ _id: 'pending', status: 'pending', createdAt: secondsAgo(5) });

    sweep(collection);

    expect(remainingIds(collection)).toEqual(['pending']);
  });

  it('ignores compound indexes, as mongod does', () => {
    const collection = keysCollection({ key: { createdAt: 1, tenantId: 1 }, expireAfterSeconds: 1 });
    collection.insert({ _id: 'kept', tenantId: 't', createdAt: secondsAgo(5) });

    expect(sweep(collection)).toBe(0);
  });
});

describe('TTL indexes through the driver', () => {
  it('removes expired documents in the background', async () => {
    const emulator = await MongoEmulator.start({ ttlSweepIntervalMs: 20 });
    const client = await MongoClient.connect(emulator.uri);
    try {
      const keys = client.db('ttl').collection<{ _id: string; expiresAt: Date }>('idempotency_keys');
      await keys.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
      await keys.insertMany([
        { _id: 'expired', expiresAt: new Date(Date.now() - 1000) },
        { _id: 'live', expiresAt: new Date(Date.now() + 3_600_000) },
      ]);

      const deadline = Date.now() + 5000;
      while ((await keys.countDocuments({ _id: 'expired' })) > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }

      expect((await keys.find().toArray()).map((key) => key._id)).toEqual(['live']);
    } finally {
      await client.close();
      await emulator.stop();
    }
  });
});
