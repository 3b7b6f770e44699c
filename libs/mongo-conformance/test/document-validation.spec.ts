import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

const paymentSchema = {
  $jsonSchema: {
    bsonType: 'object',
    required: ['amount', 'currency'],
    properties: {
      amount: { bsonType: 'int', minimum: 1 },
      currency: { enum: ['EUR', 'USD'] },
    },
  },
};

describe('document validators', () => {
  it('refuses an insert that fails a $jsonSchema validator with 121 and errInfo as MongoDB 7 shapes it', async () => {
    await mongo.db.createCollection('schema_checked', { validator: paymentSchema });
    const payments = mongo.db.collection<SchemalessDocument>('schema_checked');
    await payments.insertOne({ _id: 1, amount: 5, currency: 'EUR' });

    const refused = await payments
      .insertOne({ _id: 2, amount: 0, currency: 'GBP' })
      .catch((error: unknown) => error);

    expect(refused).toMatchObject({
      code: 121,
      errInfo: {
        failingDocumentId: 2,
        details: {
          operatorName: '$jsonSchema',
          schemaRulesNotSatisfied: [
            {
              operatorName: 'properties',
              propertiesNotSatisfied: [
                {
                  propertyName: 'amount',
                  details: [
                    {
                      operatorName: 'minimum',
                      specifiedAs: { minimum: 1 },
                      reason: 'comparison failed',
                      consideredValue: 0,
                    },
                  ],
                },
                {
                  propertyName: 'currency',
                  details: [
                    { operatorName: 'enum', reason: 'value was not found in enum', consideredValue: 'GBP' },
                  ],
                },
              ],
            },
          ],
        },
      },
    });
    await expect(payments.insertOne({ _id: 3, amount: 4 })).rejects.toMatchObject({
      code: 121,
      errInfo: {
        details: { schemaRulesNotSatisfied: [{ operatorName: 'required', missingProperties: ['currency'] }] },
      },
    });
    await expect(payments.countDocuments()).resolves.toBe(1);
  });

  it('added by collMod, checks updates (findAndModify too) but lets bypassDocumentValidation through', async () => {
    const items = mongo.db.collection<SchemalessDocument>('query_checked');
    await items.insertOne({ _id: 1, x: 'text' });
    await mongo.db.command({ collMod: 'query_checked', validator: { x: { $type: 'string' } } });

    await expect(items.updateOne({ _id: 1 }, { $set: { x: 1 } })).rejects.toMatchObject({
      code: 121,
      errInfo: {
        failingDocumentId: 1,
        details: {
          operatorName: '$type',
          specifiedAs: { x: { $type: 'string' } },
          reason: 'type did not match',
          consideredValue: 1,
          consideredType: 'int',
        },
      },
    });
    await expect(items.findOneAndUpdate({ _id: 1 }, { $set: { x: 2 } })).rejects.toMatchObject({ code: 121 });
    await items.updateOne({ _id: 1 }, { $set: { x: 3 } }, { bypassDocumentValidation: true });

    await expect(items.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, x: 3 });
  });

  it('explains several failing top-level clauses under $and', async () => {
    await mongo.db.createCollection('two_clauses', { validator: { a: { $gt: 1 }, b: { $exists: true } } });

    await expect(
      mongo.db.collection<SchemalessDocument>('two_clauses').insertOne({ _id: 1, a: 0 }),
    ).rejects.toMatchObject({
      errInfo: {
        details: {
          operatorName: '$and',
          clausesNotSatisfied: [
            { index: 0, details: { operatorName: '$gt', reason: 'comparison failed', consideredValue: 0 } },
            { index: 1, details: { operatorName: '$exists' } },
          ],
        },
      },
    });
  });

  it('honours validationLevel moderate and off, and validationAction warn', async () => {
    const items = mongo.db.collection<SchemalessDocument>('levels');
    await items.insertMany([
      { _id: 1, n: -1 },
      { _id: 2, n: 1 },
    ]);
    await mongo.db.command({ collMod: 'levels', validator: { n: { $gte: 0 } }, validationLevel: 'moderate' });

    // Moderate: a document that already failed may be updated; one that passed may not start failing.
    await items.updateOne({ _id: 1 }, { $set: { n: -2 } });
    await expect(items.updateOne({ _id: 2 }, { $set: { n: -1 } })).rejects.toMatchObject({ code: 121 });
    await expect(items.insertOne({ _id: 3, n: -1 })).rejects.toMatchObject({ code: 121 });

    await mongo.db.command({ collMod: 'levels', validationLevel: 'off' });
    await items.insertOne({ _id: 3, n: -1 });
    await mongo.db.command({ collMod: 'levels', validationLevel: 'strict', validationAction: 'warn' });
    await items.insertOne({ _id: 4, n: -1 });

    await expect(items.countDocuments()).resolves.toBe(4);
    const [info] = await mongo.db.listCollections({ name: 'levels' }, { nameOnly: false }).toArray();
    expect(info).toHaveProperty('options');
    expect((info as { options: unknown }).options).toEqual({
      validator: { n: { $gte: 0 } },
      validationLevel: 'strict',
      validationAction: 'warn',
    });
  });

  it('reports an insertMany failure as a write error with errInfo', async () => {
    await mongo.db.createCollection('batch_checked', { validator: { ok: true } });

    const refused = await mongo.db
      .collection<SchemalessDocument>('batch_checked')
      .insertMany(
        [
          { _id: 1, ok: true },
          { _id: 2, ok: false },
        ],
        { ordered: false },
      )
      .catch((error: unknown) => error);

    expect(refused).toMatchObject({ writeErrors: [expect.objectContaining({ index: 1, code: 121 })] });
  });

  it('refuses unknown options and enumeration values, and collMod of a missing collection', async () => {
    await mongo.db.createCollection('mod_target');

    await expect(
      mongo.db.command({ collMod: 'mod_target', validationLevel: 'sometimes' }),
    ).rejects.toMatchObject({ code: 2 });
    await expect(
      mongo.db.command({ collMod: 'mod_target', index: { name: 'a_1', hidden: true } }),
    ).rejects.toMatchObject({
      code: 72,
    });
    await expect(mongo.db.command({ collMod: 'no_such_collection', validator: {} })).rejects.toMatchObject({
      code: 26,
    });
    await expect(
      mongo.db.createCollection('bad_schema', { validator: { $jsonSchema: { format: 'email' } } }),
    ).rejects.toMatchObject({ code: 9 });
  });
});
