import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

async function collectionNames(dbName = mongo.dbName): Promise<string[]> {
  const collections = await mongo.client.db(dbName).listCollections({}, { nameOnly: true }).toArray();
  return collections.map((collection) => collection.name).sort();
}

describe('create', () => {
  it('creates an empty collection that listCollections reports with type "collection"', async () => {
    await mongo.db.createCollection('created_explicitly');

    const [info] = await mongo.db.listCollections({ name: 'created_explicitly' }).toArray();
    expect(info).toMatchObject({ name: 'created_explicitly', type: 'collection' });
    await expect(
      mongo.db.collection<SchemalessDocument>('created_explicitly').countDocuments(),
    ).resolves.toBe(0);
  });

  it('creates the collection implicitly on the first insert', async () => {
    await mongo.db.collection<SchemalessDocument>('created_by_insert').insertOne({ a: 1 });

    expect(await collectionNames()).toContain('created_by_insert');
  });

  it('fails with NamespaceExists (48) when the collection already exists', async () => {
    await mongo.db.createCollection('created_twice');

    await expect(mongo.db.createCollection('created_twice')).rejects.toMatchObject({
      code: 48,
      codeName: 'NamespaceExists',
    });
  });
});

describe('listCollections', () => {
  it('filters by name and lists only collections of this database', async () => {
    await mongo.db.createCollection('listed_a');
    await mongo.db.createCollection('listed_b');

    const filtered = await mongo.db.listCollections({ name: 'listed_b' }, { nameOnly: true }).toArray();

    expect(filtered.map((collection) => collection.name)).toEqual(['listed_b']);
    expect(await collectionNames()).toEqual(expect.arrayContaining(['listed_a', 'listed_b']));
  });
});

describe('drop', () => {
  it('removes the collection and its documents', async () => {
    const dropped = mongo.db.collection<SchemalessDocument>('dropped');
    await dropped.insertMany([{ a: 1 }, { a: 2 }]);

    await expect(dropped.drop()).resolves.toBe(true);

    expect(await collectionNames()).not.toContain('dropped');
    await expect(dropped.countDocuments()).resolves.toBe(0);
  });

  it('removes the collection indexes, so a recreated collection has only _id_', async () => {
    const recreated = mongo.db.collection<SchemalessDocument>('dropped_with_indexes');
    await recreated.createIndex({ a: 1 }, { unique: true });
    await recreated.drop();

    await recreated.insertOne({ a: 1 });
    await recreated.insertOne({ a: 1 });

    const indexNames = (await recreated.listIndexes().toArray()).map((index) => index.name);
    expect(indexNames).toEqual(['_id_']);
  });
});

describe('dropDatabase', () => {
  it('removes every collection of the database and leaves other databases alone', async () => {
    const otherDbName = `${mongo.dbName}_x`;
    const other = mongo.client.db(otherDbName);
    await other.collection<SchemalessDocument>('one').insertOne({ a: 1 });
    await other.collection<SchemalessDocument>('two').insertOne({ a: 2 });
    await mongo.db.collection<SchemalessDocument>('survivor').insertOne({ a: 3 });

    await expect(other.dropDatabase()).resolves.toBe(true);

    expect(await collectionNames(otherDbName)).toEqual([]);
    await expect(mongo.db.collection<SchemalessDocument>('survivor').countDocuments()).resolves.toBe(1);
  });
});

describe('createIndexes', () => {
  it('names indexes after their key pattern unless a name is given', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('index_names');

    await expect(indexed.createIndex({ a: 1 })).resolves.toBe('a_1');
    await expect(indexed.createIndex({ a: 1, b: -1 })).resolves.toBe('a_1_b_-1');
    await expect(indexed.createIndex({ c: 1 }, { name: 'by_c' })).resolves.toBe('by_c');
  });

  it('is idempotent for an identical specification', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('index_idempotent');
    await indexed.createIndex({ a: 1 }, { unique: true });

    await expect(indexed.createIndex({ a: 1 }, { unique: true })).resolves.toBe('a_1');

    expect(await indexed.listIndexes().toArray()).toHaveLength(2);
  });

  it('rejects the same key pattern under a different name with IndexOptionsConflict (85)', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('index_options_conflict');
    await indexed.createIndex({ a: 1 });

    await expect(indexed.createIndex({ a: 1 }, { name: 'other_name' })).rejects.toMatchObject({ code: 85 });
  });

  it('rejects an existing name with a different key pattern with IndexKeySpecsConflict (86)', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('index_key_specs_conflict');
    await indexed.createIndex({ a: 1 }, { name: 'shared_name' });

    await expect(indexed.createIndex({ b: 1 }, { name: 'shared_name' })).rejects.toMatchObject({ code: 86 });
  });
});

describe('listIndexes', () => {
  it('lists the _id_ index first and each created index with its key and options', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('index_listing');
    await indexed.createIndex({ email: 1 }, { unique: true });
    await indexed.createIndex({ tenantId: 1, createdAt: -1 });
    await indexed.createIndex({ nickname: 1 }, { unique: true, sparse: true });
    await indexed.createIndex(
      { code: 1 },
      { unique: true, partialFilterExpression: { status: 'active' }, name: 'active_code' },
    );

    const indexes = await indexed.listIndexes().toArray();

    expect(indexes[0]).toMatchObject({ v: 2, key: { _id: 1 }, name: '_id_' });
    expect(indexes[0]).not.toHaveProperty('unique');
    expect(indexes.slice(1)).toEqual([
      expect.objectContaining({ v: 2, key: { email: 1 }, name: 'email_1', unique: true }),
      expect.objectContaining({ v: 2, key: { tenantId: 1, createdAt: -1 }, name: 'tenantId_1_createdAt_-1' }),
      expect.objectContaining({ key: { nickname: 1 }, name: 'nickname_1', unique: true, sparse: true }),
      expect.objectContaining({
        key: { code: 1 },
        name: 'active_code',
        unique: true,
        partialFilterExpression: { status: 'active' },
      }),
    ]);
    expect(indexes[2]).not.toHaveProperty('unique');
  });

  it('fails with NamespaceNotFound (26) for a collection that does not exist', async () => {
    await expect(
      mongo.db.collection<SchemalessDocument>('never_created').listIndexes().toArray(),
    ).rejects.toMatchObject({ code: 26 });
  });
});

describe('dropIndexes', () => {
  it('drops one index by name', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('drop_one_index');
    await indexed.createIndex({ a: 1 });
    await indexed.createIndex({ b: 1 });

    await indexed.dropIndex('a_1');

    expect((await indexed.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_', 'b_1']);
  });

  it('drops every index except _id_', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('drop_all_indexes');
    await indexed.createIndex({ a: 1 });
    await indexed.createIndex({ b: 1 }, { unique: true });

    await indexed.dropIndexes();

    expect((await indexed.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
  });

  it('stops enforcing uniqueness once the unique index is dropped', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('drop_unique_index');
    await indexed.createIndex({ a: 1 }, { unique: true });
    await indexed.dropIndex('a_1');

    await indexed.insertMany([{ a: 1 }, { a: 1 }]);

    await expect(indexed.countDocuments({ a: 1 })).resolves.toBe(2);
  });

  it('fails with IndexNotFound (27) for an unknown index name', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('drop_unknown_index');
    await indexed.insertOne({ a: 1 });

    await expect(indexed.dropIndex('no_such_index')).rejects.toMatchObject({ code: 27 });
  });

  it('refuses to drop the _id_ index', async () => {
    const indexed = mongo.db.collection<SchemalessDocument>('drop_id_index');
    await indexed.insertOne({ a: 1 });

    await expect(indexed.dropIndex('_id_')).rejects.toMatchObject({ code: 72 });
  });
});
