import { ObjectId } from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();
const jobs = () => mongo.db.collection<SchemalessDocument>('jobs');

beforeEach(async () => {
  await jobs().deleteMany({});
  await jobs().insertMany([
    { _id: 1, queue: 'email', priority: 2, state: 'ready' },
    { _id: 2, queue: 'email', priority: 9, state: 'ready' },
    { _id: 3, queue: 'sms', priority: 5, state: 'ready' },
  ]);
});

describe('findOneAndUpdate', () => {
  it('returns the document as it was before the update by default', async () => {
    const before = await jobs().findOneAndUpdate({ _id: 1 }, { $set: { state: 'running' } });

    expect(before).toEqual({ _id: 1, queue: 'email', priority: 2, state: 'ready' });
    await expect(jobs().findOne({ _id: 1 })).resolves.toMatchObject({ state: 'running' });
  });

  it('returns the updated document with returnDocument "after"', async () => {
    const after = await jobs().findOneAndUpdate(
      { _id: 1 },
      { $set: { state: 'running' } },
      { returnDocument: 'after' },
    );

    expect(after).toEqual({ _id: 1, queue: 'email', priority: 2, state: 'running' });
  });

  it('updates the first document in sort order', async () => {
    const claimed = await jobs().findOneAndUpdate(
      { queue: 'email', state: 'ready' },
      { $set: { state: 'running' } },
      { sort: { priority: -1 }, returnDocument: 'after' },
    );

    expect(claimed?.['_id']).toBe(2);
    await expect(jobs().countDocuments({ state: 'running' })).resolves.toBe(1);
  });

  it('applies the projection to the returned document', async () => {
    const projected = await jobs().findOneAndUpdate(
      { _id: 3 },
      { $inc: { priority: 1 } },
      { projection: { priority: 1, _id: 0 }, returnDocument: 'after' },
    );

    expect(projected).toEqual({ priority: 6 });
  });

  it('returns null when nothing matches and upsert is off', async () => {
    await expect(jobs().findOneAndUpdate({ _id: 404 }, { $set: { state: 'x' } })).resolves.toBeNull();
    await expect(jobs().countDocuments()).resolves.toBe(3);
  });

  it('upserts, returning null before and the inserted document after', async () => {
    const before = await jobs().findOneAndUpdate(
      { _id: 10, queue: 'push' },
      { $set: { state: 'ready' } },
      { upsert: true },
    );
    const after = await jobs().findOneAndUpdate(
      { _id: 11, queue: 'push' },
      { $set: { state: 'ready' } },
      { upsert: true, returnDocument: 'after' },
    );

    expect(before).toBeNull();
    expect(after).toEqual({ _id: 11, queue: 'push', state: 'ready' });
    await expect(jobs().countDocuments({ queue: 'push' })).resolves.toBe(2);
  });

  it('reports whether it updated or upserted in the result metadata', async () => {
    const updated = await jobs().findOneAndUpdate(
      { _id: 1 },
      { $set: { state: 'done' } },
      { includeResultMetadata: true },
    );
    const upserted = await jobs().findOneAndUpdate(
      { queue: 'new' },
      { $set: { state: 'ready' } },
      { upsert: true, includeResultMetadata: true },
    );

    expect(updated).toMatchObject({ ok: 1, lastErrorObject: { n: 1, updatedExisting: true } });
    expect(upserted).toMatchObject({ ok: 1, value: null, lastErrorObject: { n: 1, updatedExisting: false } });
    expect(upserted.lastErrorObject?.['upserted']).toBeInstanceOf(ObjectId);
  });
});

describe('findOneAndReplace', () => {
  it('replaces the document, keeping _id, and can return the replacement', async () => {
    const after = await jobs().findOneAndReplace(
      { _id: 3 },
      { queue: 'sms', state: 'parked' },
      { returnDocument: 'after' },
    );

    expect(after).toEqual({ _id: 3, queue: 'sms', state: 'parked' });
  });
});

describe('findOneAndDelete', () => {
  it('deletes and returns the first document in sort order', async () => {
    const deleted = await jobs().findOneAndDelete({ queue: 'email' }, { sort: { priority: 1 } });

    expect(deleted).toEqual({ _id: 1, queue: 'email', priority: 2, state: 'ready' });
    await expect(jobs().findOne({ _id: 1 })).resolves.toBeNull();
    await expect(jobs().countDocuments()).resolves.toBe(2);
  });

  it('applies the projection to the returned document', async () => {
    const deleted = await jobs().findOneAndDelete({ _id: 2 }, { projection: { queue: 1 } });

    expect(deleted).toEqual({ _id: 2, queue: 'email' });
  });

  it('returns null when nothing matches', async () => {
    await expect(jobs().findOneAndDelete({ queue: 'fax' })).resolves.toBeNull();
  });
});
