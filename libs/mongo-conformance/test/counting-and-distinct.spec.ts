import { Double, Long } from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();
const people = () => mongo.db.collection<SchemalessDocument>('people');

beforeAll(async () => {
  await people().insertMany([
    { _id: 1, name: 'ada', city: 'london', langs: ['en', 'fr'], age: 36, address: { zip: '1' } },
    { _id: 2, name: 'bob', city: 'paris', langs: ['fr'], age: 41, address: { zip: '2' } },
    { _id: 3, name: 'cy', city: 'london', langs: [], age: 36 },
    { _id: 4, name: 'di', langs: ['en', ['nested']], age: new Double(36) },
    { _id: 5, name: 'ed', city: null, langs: 'de', age: Long.fromNumber(41) },
  ]);
});

describe('countDocuments', () => {
  it('counts the documents that match the filter', async () => {
    await expect(people().countDocuments()).resolves.toBe(5);
    await expect(people().countDocuments({ city: 'london' })).resolves.toBe(2);
    await expect(people().countDocuments({ age: { $gt: 40 } })).resolves.toBe(2);
  });

  it('applies skip and limit', async () => {
    await expect(people().countDocuments({}, { skip: 1, limit: 2 })).resolves.toBe(2);
    await expect(people().countDocuments({}, { skip: 4 })).resolves.toBe(1);
  });

  it('counts 0 for a collection that does not exist', async () => {
    await expect(mongo.db.collection<SchemalessDocument>('never_created').countDocuments()).resolves.toBe(0);
  });
});

describe('estimatedDocumentCount', () => {
  it('counts every document in the collection', async () => {
    await expect(people().estimatedDocumentCount()).resolves.toBe(5);
  });
});

describe('count command', () => {
  it('replies n for a query, with skip and limit', async () => {
    await expect(mongo.db.command({ count: 'people', query: { city: 'london' } })).resolves.toMatchObject({
      n: 2,
      ok: 1,
    });
    await expect(mongo.db.command({ count: 'people', query: {}, skip: 3, limit: 10 })).resolves.toMatchObject(
      {
        n: 2,
      },
    );
  });
});

describe('distinct', () => {
  it('returns each value once, treating numbers of different types as equal', async () => {
    const ages = await people().distinct('age');

    expect(ages.map(Number).sort()).toEqual([36, 41]);
  });

  it('unwinds array fields one level into their elements', async () => {
    const langs = await people().distinct('langs');

    expect(langs).toHaveLength(4);
    expect(langs).toEqual(expect.arrayContaining(['en', 'fr', 'de', ['nested']]));
  });

  it('includes null but not missing values', async () => {
    const cities = await people().distinct('city');

    expect(cities).toHaveLength(3);
    expect(cities).toEqual(expect.arrayContaining(['london', 'paris', null]));
  });

  it('follows dotted paths and applies the filter', async () => {
    await expect(people().distinct('address.zip')).resolves.toEqual(expect.arrayContaining(['1', '2']));
    await expect(people().distinct('name', { city: 'london' })).resolves.toEqual(
      expect.arrayContaining(['ada', 'cy']),
    );
    await expect(people().distinct('name', { city: 'london' })).resolves.toHaveLength(2);
  });

  it('returns an empty list for a collection that does not exist', async () => {
    await expect(mongo.db.collection<SchemalessDocument>('never_created').distinct('a')).resolves.toEqual([]);
  });
});
