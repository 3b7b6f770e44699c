import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

async function seedOrdersAndView(name: string): Promise<void> {
  await mongo.db.collection<SchemalessDocument>(`${name}_orders`).insertMany([
    { _id: 1, status: 'paid', amount: 5 },
    { _id: 2, status: 'open', amount: 7 },
    { _id: 3, status: 'paid', amount: 9 },
  ]);
  await mongo.db.createCollection(name, {
    viewOn: `${name}_orders`,
    pipeline: [{ $match: { status: 'paid' } }, { $project: { amount: 1 } }],
  });
}

describe('views', () => {
  it('reads through find, aggregate, count and distinct as the pipeline over the collection', async () => {
    await seedOrdersAndView('paid_view');
    const view = mongo.db.collection<SchemalessDocument>('paid_view');

    await expect(view.find({ amount: { $gt: 6 } }).toArray()).resolves.toEqual([{ _id: 3, amount: 9 }]);
    await expect(view.find({}, { sort: { amount: -1 }, limit: 1 }).toArray()).resolves.toEqual([
      { _id: 3, amount: 9 },
    ]);
    await expect(
      view.aggregate([{ $group: { _id: null, total: { $sum: '$amount' } } }]).toArray(),
    ).resolves.toEqual([{ _id: null, total: 14 }]);
    await expect(view.estimatedDocumentCount()).resolves.toBe(2);
    await expect(view.countDocuments({ amount: 5 })).resolves.toBe(1);
    await expect(view.distinct('amount')).resolves.toEqual([5, 9]);
  });

  it('is read by $lookup from another collection', async () => {
    await seedOrdersAndView('looked_up_view');
    await mongo.db.collection<SchemalessDocument>('customers').insertOne({ _id: 'c1', orderId: 3 });

    const joined = await mongo.db
      .collection('customers')
      .aggregate([
        { $lookup: { from: 'looked_up_view', localField: 'orderId', foreignField: '_id', as: 'paid' } },
      ])
      .toArray();

    expect(joined).toEqual([{ _id: 'c1', orderId: 3, paid: [{ _id: 3, amount: 9 }] }]);
  });

  it('follows a view defined on a view', async () => {
    await seedOrdersAndView('base_view');
    await mongo.db.createCollection('big_paid_view', {
      viewOn: 'base_view',
      pipeline: [{ $match: { amount: { $gte: 9 } } }],
    });

    await expect(mongo.db.collection('big_paid_view').find().toArray()).resolves.toEqual([
      { _id: 3, amount: 9 },
    ]);
  });

  it('is listed with type "view", its definition and readOnly', async () => {
    await seedOrdersAndView('listed_view');

    const [info] = await mongo.db.listCollections({ name: 'listed_view' }).toArray();

    expect(info).toMatchObject({
      name: 'listed_view',
      type: 'view',
      options: {
        viewOn: 'listed_view_orders',
        pipeline: [{ $match: { status: 'paid' } }, { $project: { amount: 1 } }],
      },
      info: { readOnly: true },
    });
  });

  it('refuses writes and indexes with CommandNotSupportedOnView (166)', async () => {
    await seedOrdersAndView('readonly_view');
    const view = mongo.db.collection<SchemalessDocument>('readonly_view');
    const refused = { code: 166, codeName: 'CommandNotSupportedOnView' };

    await expect(view.insertOne({ amount: 1 })).rejects.toMatchObject(refused);
    await expect(view.updateOne({ _id: 1 }, { $set: { amount: 2 } })).rejects.toMatchObject(refused);
    await expect(view.deleteMany({})).rejects.toMatchObject(refused);
    await expect(view.findOneAndDelete({})).rejects.toMatchObject(refused);
    await expect(view.createIndex({ amount: 1 })).rejects.toMatchObject(refused);
    await expect(
      mongo.db
        .collection('readonly_view_orders')
        .aggregate([{ $out: 'readonly_view' }])
        .toArray(),
    ).rejects.toMatchObject(refused);
  });

  it('shares the namespace with collections: a taken name is NamespaceExists (48)', async () => {
    await seedOrdersAndView('taken_view');

    await expect(mongo.db.createCollection('taken_view')).rejects.toMatchObject({ code: 48 });
    await expect(
      mongo.db.createCollection('taken_view_orders', { viewOn: 'elsewhere', pipeline: [] }),
    ).rejects.toMatchObject({ code: 48 });
  });

  it('refuses $out in a view pipeline and is dropped like a collection', async () => {
    await expect(
      mongo.db.createCollection('writing_view', { viewOn: 'x', pipeline: [{ $out: 'y' }] }),
    ).rejects.toMatchObject({ code: 167, codeName: 'OptionNotSupportedOnView' });

    await seedOrdersAndView('dropped_view');
    await expect(mongo.db.collection('dropped_view').drop()).resolves.toBe(true);
    await expect(mongo.db.listCollections({ name: 'dropped_view' }).toArray()).resolves.toEqual([]);
  });

  it('is redefined by collMod with viewOn and pipeline', async () => {
    await seedOrdersAndView('redefined_view');

    await mongo.db.command({
      collMod: 'redefined_view',
      viewOn: 'redefined_view_orders',
      pipeline: [{ $match: { status: 'open' } }],
    });

    await expect(mongo.db.collection('redefined_view').find().toArray()).resolves.toEqual([
      { _id: 2, status: 'open', amount: 7 },
    ]);
  });
});
