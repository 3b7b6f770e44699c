import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();
const words = () => mongo.db.collection<SchemalessDocument>('collation_words');
const caseInsensitive = { locale: 'en_US', strength: 2 };

beforeAll(async () => {
  await words().insertMany([
    { _id: 'ping', text: 'ping' },
    { _id: 'PONG', text: 'PONG' },
  ]);
});

describe('collation', () => {
  it('matches strings case-insensitively at strength 2, _id lookups included', async () => {
    await expect(words().find({ text: 'PING' }, { collation: caseInsensitive }).toArray()).resolves.toEqual([
      { _id: 'ping', text: 'ping' },
    ]);
    await expect(words().find({ _id: 'pong' }, { collation: caseInsensitive }).toArray()).resolves.toEqual([
      { _id: 'PONG', text: 'PONG' },
    ]);
    await expect(words().find({ text: 'PING' }).toArray()).resolves.toEqual([]);
  });

  it('sorts by the locale, not by code point', async () => {
    const sorted = await words().find({}).sort({ text: 1 }).collation(caseInsensitive).toArray();
    expect(sorted.map((word) => word['text'])).toEqual(['ping', 'PONG']);
  });

  it('refuses what it cannot honour instead of ignoring it', async () => {
    await expect(
      words()
        .find({}, { collation: { locale: 'en', strength: 5 } })
        .toArray(),
    ).rejects.toMatchObject({ codeName: 'BadValue' });
    await expect(words().createIndex({ text: 1 }, { collation: caseInsensitive })).rejects.toMatchObject({
      codeName: 'CannotCreateIndex',
    });
  });

  it("applies the collection's default collation to reads, updates and deletes that name none, past its indexes", async () => {
    const tags = mongo.db.collection<SchemalessDocument>('collation_default_tags');
    await tags.drop().catch(() => undefined);
    await mongo.db.createCollection('collation_default_tags', { collation: caseInsensitive });
    await tags.createIndex({ tag: 1 });
    await tags.insertMany([
      { _id: 1, tag: 'urgent' },
      { _id: 2, tag: 'URGENT' },
      { _id: 3, tag: 'later' },
    ]);

    await expect(tags.countDocuments({ tag: 'Urgent' })).resolves.toBe(2);
    await expect(tags.updateMany({ tag: 'Urgent' }, { $set: { seen: true } })).resolves.toMatchObject({
      matchedCount: 2,
    });
    await expect(tags.deleteMany({ tag: 'LATER' })).resolves.toMatchObject({ deletedCount: 1 });
    await expect(
      tags
        .find({}, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .toArray(),
    ).resolves.toEqual([{ _id: 1 }, { _id: 2 }]);
  });
});
