import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();
const sessions = () => mongo.db.collection<SchemalessDocument>('sessions');

beforeEach(async () => {
  await sessions().deleteMany({});
  await sessions().insertMany([
    { _id: 1, user: 'ada', expired: true },
    { _id: 2, user: 'ada', expired: true },
    { _id: 3, user: 'bob', expired: false },
  ]);
});

describe('deleteOne', () => {
  it('deletes exactly one of several matching documents', async () => {
    const result = await sessions().deleteOne({ user: 'ada' });

    expect(result).toEqual({ acknowledged: true, deletedCount: 1 });
    await expect(sessions().countDocuments({ user: 'ada' })).resolves.toBe(1);
  });

  it('deletes nothing when nothing matches', async () => {
    await expect(sessions().deleteOne({ user: 'cy' })).resolves.toMatchObject({ deletedCount: 0 });
    await expect(sessions().countDocuments()).resolves.toBe(3);
  });
});

describe('deleteMany', () => {
  it('deletes every matching document', async () => {
    await expect(sessions().deleteMany({ expired: true })).resolves.toMatchObject({ deletedCount: 2 });

    await expect(sessions().find().toArray()).resolves.toEqual([{ _id: 3, user: 'bob', expired: false }]);
  });

  it('empties the collection with an empty filter but keeps the collection and its indexes', async () => {
    await sessions().createIndex({ user: 1 });

    await expect(sessions().deleteMany({})).resolves.toMatchObject({ deletedCount: 3 });

    const collections = await mongo.db.listCollections({ name: 'sessions' }).toArray();
    expect(collections).toHaveLength(1);
    expect((await sessions().listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_', 'user_1']);
  });

  it('succeeds with deletedCount 0 on a collection that does not exist', async () => {
    await expect(
      mongo.db.collection<SchemalessDocument>('never_created').deleteMany({}),
    ).resolves.toMatchObject({ deletedCount: 0 });
  });
});
