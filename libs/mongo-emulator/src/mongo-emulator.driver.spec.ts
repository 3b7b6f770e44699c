import { Decimal128, Long, MongoClient, MongoServerError, ObjectId, type Db, type Document } from 'mongodb';
import { MongoEmulator } from './index';

/** Test documents use numbers and strings as `_id`, not only ObjectIds. */
type AnyDocument = Document & { _id?: string | number | ObjectId };

describe('MongoEmulator with the official driver', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;
  let db: Db;
  const collection = (name: string) => db.collection<AnyDocument>(name);

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    client = await MongoClient.connect(emulator.uri, { serverSelectionTimeoutMS: 5000 });
    db = client.db('smoke');
  });

  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  it('announces a replica-set URI on the port it listens on', () => {
    expect(emulator.uri).toBe(`mongodb://127.0.0.1:${emulator.port}/?replicaSet=rs0`);
  });

  it('inserts and finds with filter, sort, skip, limit and projection', async () => {
    const payments = collection('payments_find');
    await payments.insertMany([
      { _id: 1, amount: 30, status: 'paid' },
      { _id: 2, amount: 10, status: 'paid' },
      { _id: 3, amount: 20, status: 'failed' },
      { _id: 4, amount: 40, status: 'paid' },
    ]);

    const found = await payments
      .find({ status: 'paid' }, { projection: { status: 0 } })
      .sort({ amount: -1 })
      .skip(1)
      .limit(2)
      .toArray();

    expect(found).toEqual([
      { _id: 1, amount: 30 },
      { _id: 2, amount: 10 },
    ]);
  });

  it('pages large results through getMore', async () => {
    const items = collection('paged');
    await items.insertMany(Array.from({ length: 250 }, (_, n) => ({ n })));

    const all = await items.find({}, { batchSize: 50 }).toArray();

    expect(all.map((item) => item['n'])).toEqual(Array.from({ length: 250 }, (_, n) => n));
  });

  it('matches ObjectIds by value in equality and $in', async () => {
    const accounts = collection('accounts_ids');
    const insertedId = (await accounts.insertOne({ name: 'a' })).insertedId as ObjectId;

    await expect(accounts.findOne({ _id: new ObjectId(insertedId.toHexString()) })).resolves.toMatchObject({
      name: 'a',
    });
    await expect(
      accounts.countDocuments({ _id: { $in: [new ObjectId(insertedId.toHexString())] } }),
    ).resolves.toBe(1);
  });

  it('compares and increments Decimal128 and Long by value, exactly', async () => {
    const balances = collection('balances');
    await balances.insertMany([
      { _id: 'a', amount: Decimal128.fromString('9.10'), big: Long.fromString('9007199254740993') },
      { _id: 'b', amount: Decimal128.fromString('10.20'), big: Long.fromNumber(1) },
    ]);

    await balances.updateOne(
      { _id: 'a' },
      { $inc: { amount: Decimal128.fromString('0.2'), big: Long.fromNumber(1) } },
    );
    const updated = await balances.findOne({ _id: 'a' }, { promoteLongs: false });
    const sorted = await balances
      .find({ amount: { $gt: Decimal128.fromString('9.5') } })
      .sort({ amount: 1 })
      .toArray();

    expect(updated?.['amount']).toEqual(Decimal128.fromString('9.30'));
    expect(String(updated?.['big'])).toBe('9007199254740994');
    expect(sorted.map((balance) => balance['_id'])).toEqual(['b']);
  });

  it('updates with operators, replacement and pipelines, and upserts from the filter', async () => {
    const orders = collection('orders_update');
    await orders.insertOne({ _id: 1, items: [{ sku: 'a', qty: 1 }], status: 'new' });

    await orders.updateOne(
      { _id: 1, 'items.sku': 'a' },
      { $inc: { 'items.$.qty': 2 }, $set: { status: 'open' } },
    );
    await orders.updateOne({ _id: 1 }, [{ $set: { total: { $multiply: [2, 5] } } }]);
    const upsert = await orders.updateOne(
      { tenantId: 't1', $and: [{ ref: 'r1' }] },
      { $set: { status: 'new' }, $setOnInsert: { createdBy: 'test' } },
      { upsert: true },
    );
    await orders.replaceOne({ _id: 1 }, { status: 'replaced' });

    expect(upsert.upsertedCount).toBe(1);
    await expect(orders.findOne({ _id: upsert.upsertedId ?? undefined })).resolves.toMatchObject({
      tenantId: 't1',
      ref: 'r1',
      status: 'new',
      createdBy: 'test',
    });
    await expect(orders.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, status: 'replaced' });
  });

  it('refuses to change _id with ImmutableField', async () => {
    const docs = collection('immutable');
    await docs.insertOne({ _id: 1 });

    await expect(docs.updateOne({ _id: 1 }, { $set: { _id: 2 } })).rejects.toMatchObject({ code: 66 });
  });

  it('reports duplicate keys on unique indexes with keyPattern and keyValue', async () => {
    const users = collection('users_unique');
    await users.createIndex({ tenantId: 1, email: 1 }, { unique: true, name: 'tenant_email' });
    await users.insertOne({ tenantId: 't1', email: 'a@x.io' });

    const error = await users
      .insertOne({ tenantId: 't1', email: 'a@x.io' })
      .catch((caught: unknown) => caught);
    const batch = await users
      .insertMany(
        [
          { tenantId: 't2', email: 'a@x.io' },
          { tenantId: 't1', email: 'a@x.io' },
          { tenantId: 't3', email: 'a@x.io' },
        ],
        { ordered: false },
      )
      .catch((caught: { insertedCount: number }) => caught);
    const upsertError = await users
      .findOneAndUpdate({ tenantId: 't9' }, { $set: { email: 'a@x.io', tenantId: 't1' } }, { upsert: true })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({
      code: 11000,
      keyPattern: { tenantId: 1, email: 1 },
      keyValue: { tenantId: 't1', email: 'a@x.io' },
    });
    expect((error as Error).message).toContain(
      'index: tenant_email dup key: { tenantId: "t1", email: "a@x.io" }',
    );
    expect(batch.insertedCount).toBe(2);
    expect(upsertError).toMatchObject({ code: 11000, codeName: 'DuplicateKey' });
  });

  it('answers unknown commands with CommandNotFound and unknown stages with 40324', async () => {
    await expect(db.command({ noSuchCommand: 1 })).rejects.toMatchObject({ code: 59 });
    await expect(
      db
        .collection('x')
        .aggregate([{ $noSuchStage: {} }])
        .toArray(),
    ).rejects.toMatchObject({
      code: 40324,
    });
  });

  it('joins with $lookup in both forms', async () => {
    await collection('customers').insertMany([
      { _id: 'c1', name: 'Ada' },
      { _id: 'c2', name: 'Bob' },
    ]);
    await collection('charges').insertMany([
      { customerId: 'c1', amount: 5 },
      { customerId: 'c1', amount: 7 },
    ]);

    const byField = await db
      .collection('customers')
      .aggregate([
        { $lookup: { from: 'charges', localField: '_id', foreignField: 'customerId', as: 'charges' } },
        { $project: { name: 1, total: { $sum: '$charges.amount' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    const byPipeline = await db
      .collection('customers')
      .aggregate([
        { $match: { _id: 'c1' } },
        {
          $lookup: {
            from: 'charges',
            let: { id: '$_id' },
            pipeline: [{ $match: { $expr: { $eq: ['$customerId', '$$id'] } } }, { $count: 'n' }],
            as: 'stats',
          },
        },
      ])
      .toArray();

    expect(byField).toEqual([
      { _id: 'c1', name: 'Ada', total: 12 },
      { _id: 'c2', name: 'Bob', total: 0 },
    ]);
    expect(byPipeline).toEqual([{ _id: 'c1', name: 'Ada', stats: [{ n: 2 }] }]);
  });

  describe('transactions', () => {
    it('commits atomically and hides uncommitted writes from others', async () => {
      const ledger = collection('ledger_commit');
      await ledger.insertOne({ _id: 'acct', balance: 100 });
      const session = client.startSession();

      session.startTransaction();
      await ledger.updateOne({ _id: 'acct' }, { $inc: { balance: -30 } }, { session });
      await ledger.insertOne({ _id: 'entry', amount: 30 }, { session });
      const inside = await ledger.findOne({ _id: 'acct' }, { session });
      const outside = await ledger.findOne({ _id: 'acct' });
      await session.commitTransaction();
      await session.endSession();

      expect(inside?.['balance']).toBe(70);
      expect(outside?.['balance']).toBe(100);
      await expect(ledger.countDocuments()).resolves.toBe(2);
      await expect(ledger.findOne({ _id: 'acct' })).resolves.toMatchObject({ balance: 70 });
    });

    it('discards writes on abort', async () => {
      const ledger = collection('ledger_abort');
      const session = client.startSession();

      session.startTransaction();
      await ledger.insertOne({ _id: 'gone' }, { session });
      await session.abortTransaction();
      await session.endSession();

      await expect(ledger.countDocuments()).resolves.toBe(0);
    });

    it('fails the second writer of a document with a transient WriteConflict', async () => {
      const ledger = collection('ledger_conflict');
      await ledger.insertOne({ _id: 'acct', balance: 100 });
      const first = client.startSession();
      const second = client.startSession();

      first.startTransaction();
      second.startTransaction();
      await ledger.updateOne({ _id: 'acct' }, { $inc: { balance: -10 } }, { session: first });
      const conflict = await ledger
        .updateOne({ _id: 'acct' }, { $inc: { balance: -20 } }, { session: second })
        .catch((caught: MongoServerError) => caught);
      await first.commitTransaction();
      await second.abortTransaction();
      await first.endSession();
      await second.endSession();

      expect(conflict).toMatchObject({ code: 112, codeName: 'WriteConflict' });
      expect((conflict as MongoServerError).hasErrorLabel('TransientTransactionError')).toBe(true);
      await expect(ledger.findOne({ _id: 'acct' })).resolves.toMatchObject({ balance: 90 });
    });

    it('fails the commit when a document the transaction read changed underneath', async () => {
      const ledger = collection('ledger_stale');
      await ledger.insertOne({ _id: 'acct', balance: 100 });
      const session = client.startSession();

      session.startTransaction();
      await ledger.findOne({ _id: 'acct' }, { session });
      await ledger.updateOne({ _id: 'acct' }, { $set: { balance: 0 } });
      const conflict = await ledger
        .updateOne({ _id: 'acct' }, { $inc: { balance: 5 } }, { session })
        .catch((caught: MongoServerError) => caught);
      await session.abortTransaction();
      await session.endSession();

      expect(conflict).toMatchObject({ code: 112 });
    });

    it('retries a conflicting withTransaction callback until it succeeds', async () => {
      const ledger = collection('ledger_retry');
      await ledger.insertOne({ _id: 'acct', balance: 0 });
      const blocker = client.startSession();
      blocker.startTransaction();
      await ledger.updateOne({ _id: 'acct' }, { $inc: { balance: 1 } }, { session: blocker });
      let attempts = 0;
      const session = client.startSession();

      await session.withTransaction(async () => {
        attempts += 1;
        if (attempts === 2) await blocker.commitTransaction();
        await ledger.updateOne({ _id: 'acct' }, { $inc: { balance: 10 } }, { session });
      });
      await session.endSession();
      await blocker.endSession();

      expect(attempts).toBe(2);
      await expect(ledger.findOne({ _id: 'acct' })).resolves.toMatchObject({ balance: 11 });
    });

    it('reports NoSuchTransaction when committing after a failed write aborted the transaction', async () => {
      const ledger = collection('ledger_nosuch');
      await ledger.insertOne({ _id: 'taken' });
      const session = client.startSession();

      session.startTransaction();
      await expect(ledger.insertOne({ _id: 'taken' }, { session })).rejects.toMatchObject({ code: 11000 });
      const error = await session.commitTransaction().catch((caught: MongoServerError) => caught);
      await session.endSession();

      expect(error).toMatchObject({ code: 251 });
    });
  });
});
