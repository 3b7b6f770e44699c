import { type ClientSession, MongoServerError } from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();
const accounts = () => mongo.db.collection<SchemalessDocument>('accounts');

const openSessions: ClientSession[] = [];
function startSession(): ClientSession {
  const session = mongo.client.startSession();
  openSessions.push(session);
  return session;
}

beforeEach(async () => {
  await accounts().deleteMany({});
  await accounts().insertMany([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
});
afterEach(async () => {
  for (const session of openSessions.splice(0)) {
    if (session.inTransaction()) await session.abortTransaction();
    await session.endSession();
  }
});

describe('commitTransaction', () => {
  it('makes every write of the transaction visible at once', async () => {
    const session = startSession();
    session.startTransaction();
    await accounts().updateOne({ _id: 'a' }, { $inc: { balance: -30 } }, { session });
    await accounts().updateOne({ _id: 'b' }, { $inc: { balance: 30 } }, { session });
    await accounts().insertOne({ _id: 'audit', action: 'transfer' }, { session });

    await expect(accounts().findOne({ _id: 'a' })).resolves.toMatchObject({ balance: 100 });
    await expect(accounts().findOne({ _id: 'audit' })).resolves.toBeNull();

    await session.commitTransaction();

    await expect(accounts().findOne({ _id: 'a' })).resolves.toMatchObject({ balance: 70 });
    await expect(accounts().findOne({ _id: 'b' })).resolves.toMatchObject({ balance: 30 });
    await expect(accounts().findOne({ _id: 'audit' })).resolves.toMatchObject({ action: 'transfer' });
  });

  it('can create a collection inside the transaction', async () => {
    const session = startSession();
    session.startTransaction();
    await mongo.db
      .collection<SchemalessDocument>('created_in_transaction')
      .insertOne({ _id: 1 }, { session });
    await session.commitTransaction();

    await expect(
      mongo.db.collection<SchemalessDocument>('created_in_transaction').countDocuments(),
    ).resolves.toBe(1);
  });
});

describe('abortTransaction', () => {
  it('discards every write of the transaction', async () => {
    const session = startSession();
    session.startTransaction();
    await accounts().updateOne({ _id: 'a' }, { $set: { balance: 0 } }, { session });
    await accounts().insertOne({ _id: 'c', balance: 5 }, { session });
    await accounts().deleteOne({ _id: 'b' }, { session });

    await session.abortTransaction();

    await expect(accounts().find().sort({ _id: 1 }).toArray()).resolves.toEqual([
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 0 },
    ]);
  });
});

describe('isolation', () => {
  it('reads inside the transaction see its own uncommitted writes; reads outside do not', async () => {
    const session = startSession();
    session.startTransaction();
    await accounts().insertOne({ _id: 'c', balance: 1 }, { session });
    await accounts().updateOne({ _id: 'a' }, { $inc: { balance: 1 } }, { session });
    await accounts().deleteOne({ _id: 'b' }, { session });

    await expect(accounts().countDocuments({}, { session })).resolves.toBe(2);
    await expect(accounts().findOne({ _id: 'a' }, { session })).resolves.toMatchObject({ balance: 101 });
    await expect(accounts().find({}, { session }).sort({ _id: 1 }).toArray()).resolves.toEqual([
      { _id: 'a', balance: 101 },
      { _id: 'c', balance: 1 },
    ]);
    await expect(
      accounts()
        .aggregate([{ $group: { _id: null, total: { $sum: '$balance' } } }], { session })
        .toArray(),
    ).resolves.toEqual([{ _id: null, total: 102 }]);

    await expect(accounts().countDocuments()).resolves.toBe(2);
    await expect(accounts().findOne({ _id: 'c' })).resolves.toBeNull();
    await expect(accounts().findOne({ _id: 'a' })).resolves.toMatchObject({ balance: 100 });
  });

  it('reads inside the transaction do not see writes committed by others after its first read', async () => {
    const session = startSession();
    session.startTransaction();
    await expect(accounts().countDocuments({}, { session })).resolves.toBe(2);

    await accounts().insertOne({ _id: 'late', balance: 1 });

    await expect(accounts().findOne({ _id: 'late' }, { session })).resolves.toBeNull();
    await session.commitTransaction();
  });
});

describe('write conflicts', () => {
  it('fails the second transaction writing the same document with WriteConflict (112), labelled TransientTransactionError', async () => {
    const first = startSession();
    const second = startSession();
    first.startTransaction();
    second.startTransaction();
    await accounts().updateOne({ _id: 'a' }, { $inc: { balance: -10 } }, { session: first });

    const error: unknown = await accounts()
      .updateOne({ _id: 'a' }, { $inc: { balance: -20 } }, { session: second })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(112);
    expect((error as MongoServerError).hasErrorLabel('TransientTransactionError')).toBe(true);
    await first.commitTransaction();
    await expect(accounts().findOne({ _id: 'a' })).resolves.toMatchObject({ balance: 90 });
  });

  it('withTransaction retries the callback after a transient error and commits the retry', async () => {
    const blocker = startSession();
    blocker.startTransaction();
    await accounts().updateOne({ _id: 'a' }, { $inc: { balance: -10 } }, { session: blocker });

    const session = startSession();
    let attempts = 0;
    await session.withTransaction(async () => {
      attempts += 1;
      try {
        await accounts().updateOne({ _id: 'a' }, { $inc: { balance: -20 } }, { session });
      } catch (error) {
        // Let the conflicting transaction finish so the retry can succeed.
        if (blocker.inTransaction()) await blocker.commitTransaction();
        throw error;
      }
    });

    expect(attempts).toBe(2);
    await expect(accounts().findOne({ _id: 'a' })).resolves.toMatchObject({ balance: 70 });
  });

  it('a write outside any transaction waits for the transaction holding the document, then applies', async () => {
    const session = startSession();
    session.startTransaction();
    await accounts().updateOne({ _id: 'a' }, { $inc: { balance: -10 } }, { session });

    const outside = accounts().updateOne({ _id: 'a' }, { $inc: { balance: -1 } });
    await session.commitTransaction();
    await outside;

    await expect(accounts().findOne({ _id: 'a' })).resolves.toMatchObject({ balance: 89 });
  });
});

describe('unique indexes in transactions', () => {
  beforeEach(async () => {
    await mongo.db.collection<SchemalessDocument>('tx_unique').deleteMany({});
    await mongo.db.collection<SchemalessDocument>('tx_unique').createIndex({ email: 1 }, { unique: true });
  });
  const users = () => mongo.db.collection<SchemalessDocument>('tx_unique');

  it('rejects a duplicate of a committed key with 11000 inside the transaction', async () => {
    await users().insertOne({ email: 'a@x.io' });
    const session = startSession();
    session.startTransaction();

    await expect(users().insertOne({ email: 'a@x.io' }, { session })).rejects.toMatchObject({ code: 11000 });
  });

  it('lets only one of two transactions inserting the same key commit', async () => {
    const first = startSession();
    const second = startSession();
    first.startTransaction();
    second.startTransaction();
    await users().insertOne({ email: 'same@x.io', by: 'first' }, { session: first });

    const error: unknown = await users()
      .insertOne({ email: 'same@x.io', by: 'second' }, { session: second })
      .catch((caught: unknown) => caught);
    await first.commitTransaction();

    expect(error).toBeInstanceOf(MongoServerError);
    expect([112, 11000]).toContain((error as MongoServerError).code);
    await expect(
      users()
        .find({}, { projection: { _id: 0 } })
        .toArray(),
    ).resolves.toEqual([{ email: 'same@x.io', by: 'first' }]);
  });

  it('a plain insert racing an uncommitted key waits for the commit and then fails with 11000', async () => {
    const session = startSession();
    session.startTransaction();
    await users().insertOne({ email: 'race@x.io', by: 'transaction' }, { session });

    const outside = users()
      .insertOne({ email: 'race@x.io', by: 'outside' })
      .catch((caught: unknown) => caught);
    await session.commitTransaction();

    await expect(outside).resolves.toMatchObject({ code: 11000 });
    await expect(users().countDocuments({ email: 'race@x.io' })).resolves.toBe(1);
  });

  it('a key freed inside the transaction can be reused by the same transaction', async () => {
    await users().insertOne({ _id: 1, email: 'moved@x.io' });
    const session = startSession();
    session.startTransaction();

    await users().updateOne({ _id: 1 }, { $set: { email: 'old@x.io' } }, { session });
    await users().insertOne({ _id: 2, email: 'moved@x.io' }, { session });
    await session.commitTransaction();

    await expect(users().countDocuments()).resolves.toBe(2);
  });
});

describe('collections and indexes created inside a transaction', () => {
  const collectionNames = async () =>
    (await mongo.db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name);

  it('are invisible to others before commit and exist after it', async () => {
    const session = startSession();
    session.startTransaction();
    await mongo.db.createCollection('ddl_committed', { session });
    await mongo.db.collection('ddl_committed').createIndex({ reference: 1 }, { session, unique: true });
    await mongo.db.collection('ddl_committed').insertOne({ reference: 'r1' }, { session });
    // The transaction's own index already answers its queries.
    await expect(
      mongo.db.collection('ddl_committed').findOne({ reference: 'r1' }, { session, projection: { _id: 0 } }),
    ).resolves.toEqual({ reference: 'r1' });
    expect(await collectionNames()).not.toContain('ddl_committed');

    await session.commitTransaction();

    expect(await collectionNames()).toContain('ddl_committed');
    const indexes = await mongo.db.collection('ddl_committed').indexes();
    expect(indexes.map((index) => index.name)).toEqual(['_id_', 'reference_1']);
    await expect(mongo.db.collection('ddl_committed').insertOne({ reference: 'r1' })).rejects.toMatchObject({
      code: 11000,
    });
    const plan = await mongo.db
      .collection('ddl_committed')
      .find({ reference: 'r1' })
      .explain('executionStats');
    // Found through the index: one key, one document.
    expect(plan['executionStats']).toMatchObject({
      nReturned: 1,
      totalKeysExamined: 1,
      totalDocsExamined: 1,
    });
  });

  it('are gone after an abort, the implicit creation by a first insert included', async () => {
    const session = startSession();
    session.startTransaction();
    await mongo.db.collection<SchemalessDocument>('ddl_aborted').insertOne({ _id: 1 }, { session });
    await mongo.db.collection('ddl_aborted').createIndex({ reference: 1 }, { session });
    await expect(mongo.db.collection('ddl_aborted').countDocuments({}, { session })).resolves.toBe(1);
    await session.abortTransaction();

    expect(await collectionNames()).not.toContain('ddl_aborted');
    await mongo.db.collection<SchemalessDocument>('ddl_aborted').insertOne({ _id: 2, reference: 'r' });
    const indexes = await mongo.db.collection('ddl_aborted').indexes();
    expect(indexes.map((index) => index.name)).toEqual(['_id_']);
    const plan = await mongo.db.collection('ddl_aborted').find({ reference: 'r' }).explain('executionStats');
    expect(plan['executionStats']).toMatchObject({ nReturned: 1, totalKeysExamined: 0 });
  });

  it('refuses a new index on a collection that existed before the transaction', async () => {
    await accounts().insertOne({ _id: 'ddl' });
    const session = startSession();
    session.startTransaction();
    await expect(accounts().createIndex({ balance: 1 }, { session })).rejects.toMatchObject({
      codeName: 'OperationNotSupportedInTransaction',
    });
    await session.abortTransaction().catch(() => undefined);
  });
});
