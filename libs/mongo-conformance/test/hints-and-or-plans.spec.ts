import { useTestMongo } from '@tenantpay/testing';
import type { Document } from 'mongodb';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

async function seeded(name: string) {
  const collection = mongo.db.collection<SchemalessDocument>(name);
  await collection.insertMany(
    Array.from({ length: 50 }, (_, n) => ({ _id: n, tenant: `t${n % 5}`, reference: `R${n}` })),
  );
  await collection.createIndex({ tenant: 1 });
  await collection.createIndex({ reference: 1 }, { name: 'by_reference' });
  return collection;
}

function stages(plan: Document): string[] {
  const names: string[] = [];
  const visit = (stage: Document | undefined): void => {
    if (stage === undefined) return;
    names.push(String(stage['stage']));
    visit(stage['inputStage'] as Document | undefined);
    for (const input of (stage['inputStages'] as Document[] | undefined) ?? []) visit(input);
  };
  visit(plan);
  return names;
}

describe('$or plans', () => {
  it('explains a $or over indexed fields as FETCH → OR of index scans', async () => {
    const collection = await seeded('or_union');

    const explained = await collection
      .find({ $or: [{ tenant: 't1' }, { reference: 'R2' }] })
      .explain('executionStats');

    expect(stages(explained['queryPlanner']['winningPlan'] as Document)).toEqual([
      'FETCH',
      'OR',
      'IXSCAN',
      'IXSCAN',
    ]);
    expect(explained['executionStats']).toMatchObject({
      nReturned: 11,
      totalDocsExamined: 11,
      totalKeysExamined: 11,
    });
  });

  it('scans the collection when one branch has no index', async () => {
    const collection = await seeded('or_scan');

    const explained = await collection.find({ $or: [{ tenant: 't1' }, { other: 1 }] }).explain();

    expect(stages(explained['queryPlanner']['winningPlan'] as Document)).toEqual(['COLLSCAN']);
  });
});

describe('hint', () => {
  it('is obeyed by find, count, aggregate, update and delete, by name or key pattern', async () => {
    const collection = await seeded('hinted');

    const byName = await collection.find({ tenant: 't1' }).hint('by_reference').explain('executionStats');
    expect(byName['queryPlanner']['winningPlan']['inputStage']).toMatchObject({
      stage: 'IXSCAN',
      indexName: 'by_reference',
    });
    expect(byName['executionStats']).toMatchObject({ nReturned: 10, totalKeysExamined: 50 });
    await expect(collection.countDocuments({ tenant: 't1' }, { hint: { reference: 1 } })).resolves.toBe(10);
    await expect(
      collection.aggregate([{ $match: { tenant: 't2' } }, { $count: 'n' }], { hint: 'tenant_1' }).toArray(),
    ).resolves.toEqual([{ n: 10 }]);
    await expect(
      collection.updateMany({ tenant: 't3' }, { $set: { seen: true } }, { hint: { tenant: 1 } }),
    ).resolves.toMatchObject({
      modifiedCount: 10,
    });
    await expect(collection.deleteMany({ tenant: 't4' }, { hint: '_id_' })).resolves.toMatchObject({
      deletedCount: 10,
    });
  });

  it('naming no index fails with BadValue (2), as mongod', async () => {
    const collection = await seeded('bad_hint');
    const noIndex = {
      code: 2,
      message: expect.stringContaining('hint provided does not correspond to an existing index'),
    };

    await expect(collection.find({}).hint('nope').toArray()).rejects.toMatchObject(noIndex);
    await expect(collection.find({}).hint({ tenant: -1 }).toArray()).rejects.toMatchObject(noIndex);
    await expect(collection.countDocuments({}, { hint: 'nope' })).rejects.toMatchObject(noIndex);
    await expect(collection.updateOne({}, { $set: { a: 1 } }, { hint: 'nope' })).rejects.toMatchObject({
      code: 2,
    });
    await expect(collection.aggregate([], { hint: 'nope' }).toArray()).rejects.toMatchObject(noIndex);
  });
});
