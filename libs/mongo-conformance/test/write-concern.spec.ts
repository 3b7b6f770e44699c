import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

describe('write concern on a one-member replica set', () => {
  it('applies a write whose w asks for more members, and answers UnsatisfiableWriteConcern (100)', async () => {
    await expect(
      mongo.db.command({ insert: 'wc_members', documents: [{ _id: 1 }], writeConcern: { w: 10 } }),
    ).rejects.toMatchObject({
      code: 100,
      codeName: 'UnsatisfiableWriteConcern',
      message: 'Not enough data-bearing nodes',
      result: { ok: 1, n: 1 },
    });

    await expect(mongo.db.collection<SchemalessDocument>('wc_members').countDocuments()).resolves.toBe(1);
  });

  it('answers UnknownReplWriteConcern (79) for a tag set it does not define, nothing for majority', async () => {
    await expect(
      mongo.db.command({ insert: 'wc_tags', documents: [{ _id: 1 }], writeConcern: { w: 'dc2' } }),
    ).rejects.toMatchObject({ code: 79, codeName: 'UnknownReplWriteConcern' });
    const majority = await mongo.db.command({
      insert: 'wc_tags',
      documents: [{ _id: 2 }],
      writeConcern: { w: 'majority', j: true },
    });

    expect(majority).not.toHaveProperty('writeConcernError');
    await expect(mongo.db.collection('wc_tags').countDocuments()).resolves.toBe(2);
  });

  it('refuses malformed write concerns with FailedToParse (9) before writing', async () => {
    for (const writeConcern of [
      { w: -1 },
      { w: 51 },
      { w: 1.5 },
      { wtimeout: 'soon' },
      { j: 'yes' },
      { j: true, fsync: true },
    ]) {
      await expect(
        mongo.db.command({ insert: 'wc_malformed', documents: [{ a: 1 }], writeConcern }),
      ).rejects.toMatchObject({ code: 9, codeName: 'FailedToParse' });
    }
    await expect(mongo.db.collection('wc_malformed').countDocuments()).resolves.toBe(0);
  });

  it('commits a transaction whose w cannot be met and reports the write concern error', async () => {
    const session = mongo.client.startSession();
    try {
      session.startTransaction({ writeConcern: { w: 10 } });
      await mongo.db.collection<SchemalessDocument>('wc_commit').insertOne({ _id: 1 }, { session });

      await expect(session.commitTransaction()).rejects.toMatchObject({ code: 100 });
    } finally {
      await session.endSession();
    }
    await expect(mongo.db.collection('wc_commit').countDocuments()).resolves.toBe(1);
  });
});
