import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();
const invoices = () => mongo.db.collection<SchemalessDocument>('let_invoices');

beforeEach(async () => {
  await invoices().deleteMany({});
  await invoices().insertMany([
    { _id: 1, status: 'open', amount: 10 },
    { _id: 2, status: 'paid', amount: 20 },
  ]);
});

describe("a command's let variables", () => {
  it('are read by $expr in find, and by an aggregation pipeline', async () => {
    const found = await invoices()
      .find({ $expr: { $eq: ['$status', '$$wanted'] } }, { let: { wanted: 'paid' } })
      .toArray();
    expect(found.map((invoice) => invoice['_id'])).toEqual([2]);

    const totals = await invoices()
      .aggregate([{ $project: { _id: 0, withFee: { $add: ['$amount', '$$fee'] } } }], { let: { fee: 1 } })
      .toArray();
    expect(totals).toEqual([{ withFee: 11 }, { withFee: 21 }]);
  });

  it('are read when the find or the aggregate is explained', async () => {
    const find = await invoices()
      .find({ $expr: { $eq: ['$status', '$$wanted'] } }, { let: { wanted: 'paid' } })
      .explain('executionStats');
    expect(find['executionStats'].nReturned).toBe(1);

    const aggregate = await invoices()
      .aggregate([{ $match: { $expr: { $eq: ['$status', '$$wanted'] } } }], { let: { wanted: 'open' } })
      .explain('executionStats');
    expect(aggregate['executionStats'].nReturned).toBe(1);
  });

  it('are read by the filter and the pipeline of an update, and by a delete', async () => {
    await invoices().updateMany({ $expr: { $eq: ['$status', '$$from'] } }, [{ $set: { status: '$$to' } }], {
      let: { from: 'open', to: 'void' },
    });
    await expect(invoices().findOne({ _id: 1 })).resolves.toEqual({ _id: 1, status: 'void', amount: 10 });

    await invoices().deleteMany({ $expr: { $gt: ['$amount', '$$limit'] } }, { let: { limit: 15 } });
    await expect(invoices().countDocuments()).resolves.toBe(1);
  });

  it('evaluate their expressions once, before any document is read', async () => {
    const found = await invoices()
      .find({ $expr: { $eq: ['$amount', '$$double'] } }, { let: { double: { $multiply: [2, 10] } } })
      .toArray();
    expect(found.map((invoice) => invoice['_id'])).toEqual([2]);
  });

  it('refuse a name that is not a user variable name', async () => {
    await expect(
      invoices()
        .find({}, { let: { Upper: 1 } })
        .toArray(),
    ).rejects.toMatchObject({
      codeName: 'FailedToParse',
    });
  });
});
