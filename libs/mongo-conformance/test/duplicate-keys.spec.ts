import { Double, Long, MongoBulkWriteError, MongoServerError } from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

async function rejection(operation: Promise<unknown>): Promise<MongoServerError> {
  const error: unknown = await operation.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof MongoServerError))
    throw new Error(`expected a MongoServerError, got ${String(error)}`);
  return error;
}

describe('duplicate _id', () => {
  it('fails insertOne with code 11000, keyPattern, keyValue and the E11000 message', async () => {
    const users = mongo.db.collection<SchemalessDocument>('dup_ids');
    await users.insertOne({ _id: 1, name: 'ada' });

    const error = await rejection(users.insertOne({ _id: 1, name: 'bob' }));

    expect(error.code).toBe(11000);
    expect(error['keyPattern']).toEqual({ _id: 1 });
    expect(error['keyValue']).toEqual({ _id: 1 });
    expect(error.message).toContain(
      `E11000 duplicate key error collection: ${mongo.dbName}.dup_ids index: _id_ dup key:`,
    );
    await expect(users.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, name: 'ada' });
  });
});

describe('insertMany with duplicates', () => {
  const batch = [{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }, { _id: 2 }];

  it('ordered: stops at the first duplicate, keeping the documents before it', async () => {
    const ordered = mongo.db.collection<SchemalessDocument>('dup_ordered');

    const error = await rejection(ordered.insertMany(batch, { ordered: true }));

    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulkError = error as MongoBulkWriteError;
    expect(bulkError.code).toBe(11000);
    expect(bulkError.insertedCount).toBe(2);
    const writeErrors = [bulkError.writeErrors].flat();
    expect(writeErrors).toHaveLength(1);
    expect(writeErrors[0]).toMatchObject({ index: 2, code: 11000 });
    expect((await ordered.find().sort({ _id: 1 }).toArray()).map((d) => d['_id'])).toEqual([1, 2]);
  });

  it('unordered: inserts every non-duplicate and reports each duplicate by index', async () => {
    const unordered = mongo.db.collection<SchemalessDocument>('dup_unordered');

    const error = await rejection(unordered.insertMany(batch, { ordered: false }));

    const bulkError = error as MongoBulkWriteError;
    expect(bulkError.insertedCount).toBe(3);
    const writeErrors = [bulkError.writeErrors].flat();
    expect(writeErrors.map((writeError) => [writeError.index, writeError.code])).toEqual([
      [2, 11000],
      [4, 11000],
    ]);
    expect((await unordered.find().sort({ _id: 1 }).toArray()).map((d) => d['_id'])).toEqual([1, 2, 3]);
  });
});

describe('insert command write errors', () => {
  it('carry the index of the failed document, keyPattern and keyValue', async () => {
    // The driver's bulk error keeps only code and message per write error, so read the server reply directly.
    const reply = await mongo.db.command({
      insert: 'dup_raw_insert',
      documents: [{ _id: 1 }, { _id: 2 }, { _id: 1 }],
      ordered: false,
    });

    expect(reply['n']).toBe(2);
    expect(reply['writeErrors']).toEqual([
      expect.objectContaining({ index: 2, code: 11000, keyPattern: { _id: 1 }, keyValue: { _id: 1 } }),
    ]);
  });
});

describe('unique secondary indexes', () => {
  it('names the index and the duplicated value', async () => {
    const users = mongo.db.collection<SchemalessDocument>('dup_email');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ email: 'a@x.io' });

    const error = await rejection(users.insertOne({ email: 'a@x.io' }));

    expect(error.code).toBe(11000);
    expect(error['keyPattern']).toEqual({ email: 1 });
    expect(error['keyValue']).toEqual({ email: 'a@x.io' });
    expect(error.message).toContain(
      `collection: ${mongo.dbName}.dup_email index: email_1 dup key: { email: "a@x.io" }`,
    );
  });

  it('is enforced by updates', async () => {
    const users = mongo.db.collection<SchemalessDocument>('dup_on_update');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([
      { _id: 1, email: 'a@x.io' },
      { _id: 2, email: 'b@x.io' },
    ]);

    const error = await rejection(users.updateOne({ _id: 2 }, { $set: { email: 'a@x.io' } }));

    expect(error).toMatchObject({ code: 11000, keyValue: { email: 'a@x.io' } });
    await expect(users.findOne({ _id: 2 })).resolves.toEqual({ _id: 2, email: 'b@x.io' });
  });

  it('is enforced by findOneAndUpdate, including upserts', async () => {
    const users = mongo.db.collection<SchemalessDocument>('dup_find_and_modify');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([
      { _id: 1, email: 'a@x.io' },
      { _id: 2, email: 'b@x.io' },
    ]);

    const updateError = await rejection(users.findOneAndUpdate({ _id: 2 }, { $set: { email: 'a@x.io' } }));
    const upsertError = await rejection(
      users.findOneAndUpdate({ _id: 3 }, { $set: { email: 'b@x.io' } }, { upsert: true }),
    );

    expect(updateError).toMatchObject({
      code: 11000,
      keyPattern: { email: 1 },
      keyValue: { email: 'a@x.io' },
    });
    expect(upsertError).toMatchObject({
      code: 11000,
      keyPattern: { email: 1 },
      keyValue: { email: 'b@x.io' },
    });
    await expect(users.countDocuments()).resolves.toBe(2);
  });

  it('compares numbers by value across BSON types', async () => {
    const amounts = mongo.db.collection<SchemalessDocument>('dup_numeric');
    await amounts.createIndex({ n: 1 }, { unique: true });
    await amounts.insertOne({ n: 1 });

    await expect(amounts.insertOne({ n: new Double(1) })).rejects.toMatchObject({ code: 11000 });
    await expect(amounts.insertOne({ n: Long.fromNumber(1) })).rejects.toMatchObject({ code: 11000 });
  });

  it('treats each array element as a key, across documents but not within one', async () => {
    const tagged = mongo.db.collection<SchemalessDocument>('dup_multikey');
    await tagged.createIndex({ tags: 1 }, { unique: true });
    await tagged.insertOne({ tags: ['a', 'b', 'b'] });

    await expect(tagged.insertOne({ tags: ['c', 'b'] })).rejects.toMatchObject({ code: 11000 });
    await expect(tagged.insertOne({ tags: ['c'] })).resolves.toBeDefined();
  });

  it('counts a missing field as null, so only one document may lack it', async () => {
    const users = mongo.db.collection<SchemalessDocument>('dup_missing');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ name: 'no email' });

    const error = await rejection(users.insertOne({ name: 'no email either' }));

    expect(error).toMatchObject({ code: 11000, keyValue: { email: null } });
  });

  it('fails to build over existing duplicates', async () => {
    const users = mongo.db.collection<SchemalessDocument>('dup_index_build');
    await users.insertMany([{ email: 'a@x.io' }, { email: 'a@x.io' }]);

    await expect(users.createIndex({ email: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
    expect((await users.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
  });
});

describe('compound unique indexes', () => {
  it('reject only the same combination of values', async () => {
    const members = mongo.db.collection<SchemalessDocument>('dup_compound');
    await members.createIndex({ tenantId: 1, email: 1 }, { unique: true });
    await members.insertOne({ tenantId: 't1', email: 'a@x.io' });
    await members.insertOne({ tenantId: 't2', email: 'a@x.io' });

    const error = await rejection(members.insertOne({ tenantId: 't1', email: 'a@x.io' }));

    expect(error).toMatchObject({
      code: 11000,
      keyPattern: { tenantId: 1, email: 1 },
      keyValue: { tenantId: 't1', email: 'a@x.io' },
    });
  });
});

describe('sparse unique indexes', () => {
  it('allow any number of documents without the field but no duplicate values', async () => {
    const users = mongo.db.collection<SchemalessDocument>('dup_sparse');
    await users.createIndex({ nickname: 1 }, { unique: true, sparse: true });
    await users.insertMany([{ name: 'a' }, { name: 'b' }, { nickname: 'ace' }]);

    await expect(users.insertOne({ nickname: 'ace' })).rejects.toMatchObject({ code: 11000 });
    await expect(users.countDocuments()).resolves.toBe(3);
  });
});

describe('partial unique indexes', () => {
  it('enforce uniqueness only among documents matching the partial filter', async () => {
    const codes = mongo.db.collection<SchemalessDocument>('dup_partial');
    await codes.createIndex({ code: 1 }, { unique: true, partialFilterExpression: { status: 'active' } });
    await codes.insertMany([
      { code: 'X', status: 'archived' },
      { code: 'X', status: 'archived' },
      { code: 'X', status: 'active' },
    ]);

    await expect(codes.insertOne({ code: 'X', status: 'active' })).rejects.toMatchObject({ code: 11000 });
    await expect(
      codes.updateOne({ status: 'archived' }, { $set: { status: 'active' } }),
    ).rejects.toMatchObject({ code: 11000 });
    await expect(codes.countDocuments({ status: 'active' })).resolves.toBe(1);
  });
});
