import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();
const sales = () => mongo.db.collection<SchemalessDocument>('out_sales');
const totals = () => mongo.db.collection<SchemalessDocument>('out_totals');

beforeEach(async () => {
  await sales().deleteMany({});
  await totals()
    .drop()
    .catch(() => undefined);
  await sales().insertMany([
    { _id: 1, region: 'north', amount: 10 },
    { _id: 2, region: 'south', amount: 5 },
    { _id: 3, region: 'north', amount: 7 },
  ]);
});

const byRegion = [{ $group: { _id: '$region', total: { $sum: '$amount' } } }, { $sort: { _id: 1 } }];

describe('$out', () => {
  it("replaces the target's documents, keeps its indexes, and returns an empty cursor", async () => {
    await totals().insertOne({ _id: 'stale', total: 0 });
    await totals().createIndex({ total: 1 });

    await expect(
      sales()
        .aggregate([...byRegion, { $out: 'out_totals' }])
        .toArray(),
    ).resolves.toEqual([]);

    await expect(totals().find().sort({ _id: 1 }).toArray()).resolves.toEqual([
      { _id: 'north', total: 17 },
      { _id: 'south', total: 5 },
    ]);
    expect((await totals().indexes()).map((index) => index.name)).toEqual(['_id_', 'total_1']);
    // The kept index holds the new documents and answers queries.
    const plan = await totals().find({ total: 17 }).explain('executionStats');
    expect(plan['executionStats']).toMatchObject({
      nReturned: 1,
      totalKeysExamined: 1,
      totalDocsExamined: 1,
    });
  });

  it('leaves the target untouched when the output breaks one of its unique indexes', async () => {
    await totals().insertOne({ _id: 'kept', total: 1 });
    await totals().createIndex({ total: 1 }, { unique: true });

    await expect(
      sales()
        .aggregate([{ $project: { total: { $literal: 1 } } }, { $out: 'out_totals' }])
        .toArray(),
    ).rejects.toMatchObject({ code: 11000 });
    await expect(totals().find().toArray()).resolves.toEqual([{ _id: 'kept', total: 1 }]);
  });

  it('is refused inside a transaction', async () => {
    const session = mongo.client.startSession();
    try {
      session.startTransaction();
      await expect(
        sales()
          .aggregate([{ $out: 'out_totals' }], { session })
          .toArray(),
      ).rejects.toMatchObject({ codeName: 'OperationNotSupportedInTransaction' });
      await session.abortTransaction().catch(() => undefined);
    } finally {
      await session.endSession();
    }
  });
});

describe('$merge', () => {
  it('merges matched documents into existing ones and inserts the others by default', async () => {
    await totals().insertOne({ _id: 'north', total: 0, manager: 'ann' });

    await sales()
      .aggregate([...byRegion, { $merge: { into: 'out_totals' } }])
      .toArray();

    await expect(totals().find().sort({ _id: 1 }).toArray()).resolves.toEqual([
      { _id: 'north', total: 17, manager: 'ann' },
      { _id: 'south', total: 5 },
    ]);
  });

  it('honours whenMatched keepExisting / replace and whenNotMatched discard', async () => {
    await totals().insertOne({ _id: 'north', total: 0, manager: 'ann' });

    await sales()
      .aggregate([
        ...byRegion,
        { $merge: { into: 'out_totals', whenMatched: 'keepExisting', whenNotMatched: 'discard' } },
      ])
      .toArray();
    await expect(totals().find().toArray()).resolves.toEqual([{ _id: 'north', total: 0, manager: 'ann' }]);

    await sales()
      .aggregate([...byRegion, { $merge: { into: 'out_totals', whenMatched: 'replace' } }])
      .toArray();
    await expect(totals().findOne({ _id: 'north' })).resolves.toEqual({ _id: 'north', total: 17 });
  });

  it('fails with a duplicate key error for whenMatched fail, and refuses a pipeline it cannot run', async () => {
    await totals().insertOne({ _id: 'north', total: 0 });
    await expect(
      sales()
        .aggregate([...byRegion, { $merge: { into: 'out_totals', whenMatched: 'fail' } }])
        .toArray(),
    ).rejects.toMatchObject({ code: 11000, keyValue: { _id: 'north' } });
    await expect(
      sales()
        .aggregate([...byRegion, { $merge: { into: 'out_totals', whenMatched: [{ $set: { x: 1 } }] } }])
        .toArray(),
    ).rejects.toMatchObject({ codeName: 'BadValue' });
  });

  it("matches on the 'on' fields through their unique index and maintains the target's indexes", async () => {
    await totals().createIndex({ region: 1 }, { unique: true });
    await totals().insertOne({ _id: 'existing', region: 'north', total: 0 });

    await sales()
      .aggregate([
        { $group: { _id: '$region', total: { $sum: '$amount' } } },
        { $project: { _id: 0, region: '$_id', total: 1 } },
        { $merge: { into: 'out_totals', on: 'region', whenMatched: 'merge' } },
      ])
      .toArray();

    await expect(totals().findOne({ region: 'north' })).resolves.toEqual({
      _id: 'existing',
      region: 'north',
      total: 17,
    });
    const plan = await totals().find({ region: 'south' }).explain('executionStats');
    expect(plan['executionStats']).toMatchObject({
      nReturned: 1,
      totalKeysExamined: 1,
      totalDocsExamined: 1,
    });
  });
});
