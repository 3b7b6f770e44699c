import { Decimal128, Double, Int32, Long, ObjectId, type UpdateFilter } from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

/** Reads numbers as their BSON wrapper types, so a test can tell int32, int64 and double apart. */
const RAW_NUMBERS = { promoteValues: false } as const;

/** The array fields of the 'operators' documents, typed so the driver accepts $push, $pull and $pullAll. */
interface ArrayFields {
  _id: number;
  tags: string[];
  scores: number[];
}

describe('update operators', () => {
  const docs = () => mongo.db.collection<SchemalessDocument>('operators');
  const arrays = () => mongo.db.collection<ArrayFields>('operators');
  beforeEach(async () => {
    await docs().deleteMany({});
    await docs().insertOne({
      _id: 1,
      name: 'ada',
      count: 5,
      price: 10,
      tags: ['a', 'b'],
      scores: [3, 9, 1],
      profile: { city: 'london', zip: '1' },
      low: 4,
      high: 4,
    });
  });

  it('$set replaces and adds fields, creating nested documents along dotted paths', async () => {
    await docs().updateOne(
      { _id: 1 },
      { $set: { name: 'ada l.', 'profile.city': 'paris', 'extra.deep.flag': true } },
    );

    await expect(docs().findOne({ _id: 1 })).resolves.toMatchObject({
      name: 'ada l.',
      profile: { city: 'paris', zip: '1' },
      extra: { deep: { flag: true } },
    });
  });

  it('$unset removes fields', async () => {
    await docs().updateOne({ _id: 1 }, { $unset: { name: '', 'profile.zip': 1 } });

    const document = await docs().findOne({ _id: 1 });
    expect(document).not.toHaveProperty('name');
    expect(document?.['profile']).toEqual({ city: 'london' });
  });

  it('$inc adds to numbers and creates missing fields', async () => {
    await docs().updateOne({ _id: 1 }, { $inc: { count: -2, created: 7 } });

    await expect(docs().findOne({ _id: 1 })).resolves.toMatchObject({ count: 3, created: 7 });
  });

  it('$inc fails with TypeMismatch (14) on a non-numeric field', async () => {
    await expect(docs().updateOne({ _id: 1 }, { $inc: { name: 1 } })).rejects.toMatchObject({ code: 14 });
  });

  it('$mul, $min and $max', async () => {
    await docs().updateOne({ _id: 1 }, { $mul: { price: 3 }, $min: { low: 2 }, $max: { high: 9 } });
    await docs().updateOne({ _id: 1 }, { $min: { high: 100 }, $max: { low: 1 } });

    await expect(docs().findOne({ _id: 1 })).resolves.toMatchObject({ price: 30, low: 2, high: 9 });
  });

  it('$rename moves a field', async () => {
    await docs().updateOne({ _id: 1 }, { $rename: { name: 'fullName' } });

    const document = await docs().findOne({ _id: 1 });
    expect(document).not.toHaveProperty('name');
    expect(document?.['fullName']).toBe('ada');
  });

  it('$push appends, with $each, $sort and $slice modifiers', async () => {
    await arrays().updateOne({ _id: 1 }, { $push: { tags: 'c' } });
    await arrays().updateOne({ _id: 1 }, { $push: { scores: { $each: [7, 5], $sort: -1, $slice: 3 } } });

    await expect(docs().findOne({ _id: 1 })).resolves.toMatchObject({
      tags: ['a', 'b', 'c'],
      scores: [9, 7, 5],
    });
  });

  it('$push with $position inserts at the given index', async () => {
    await arrays().updateOne({ _id: 1 }, { $push: { tags: { $each: ['z'], $position: 0 } } });

    await expect(docs().findOne({ _id: 1 })).resolves.toMatchObject({ tags: ['z', 'a', 'b'] });
  });

  it('$addToSet adds only values not already present', async () => {
    await docs().updateOne({ _id: 1 }, { $addToSet: { tags: { $each: ['b', 'c', 'c'] } } });

    await expect(docs().findOne({ _id: 1 })).resolves.toMatchObject({ tags: ['a', 'b', 'c'] });
  });

  it('$pull removes matching elements, $pullAll listed ones and $pop the last', async () => {
    await arrays().updateOne({ _id: 1 }, { $pull: { scores: { $gt: 2 } }, $pullAll: { tags: ['a'] } });
    await arrays().updateOne({ _id: 1 }, { $pop: { tags: 1 } });

    await expect(docs().findOne({ _id: 1 })).resolves.toMatchObject({ scores: [1], tags: [] });
  });

  it('$currentDate sets the server time as a Date', async () => {
    const before = Date.now();
    await docs().updateOne({ _id: 1 }, { $currentDate: { touchedAt: true } });

    const touchedAt = (await docs().findOne({ _id: 1 }))?.['touchedAt'];
    expect(touchedAt).toBeInstanceOf(Date);
    expect((touchedAt as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('rejects two operators on the same path with ConflictingUpdateOperators (40)', async () => {
    await expect(
      docs().updateOne({ _id: 1 }, { $set: { count: 1 }, $inc: { count: 1 } }),
    ).rejects.toMatchObject({
      code: 40,
    });
  });

  it('rejects changing _id with ImmutableField (66)', async () => {
    await expect(docs().updateOne({ _id: 1 }, { $set: { _id: 2 } })).rejects.toMatchObject({ code: 66 });
    await expect(docs().replaceOne({ _id: 1 }, { _id: 2, name: 'x' })).rejects.toMatchObject({ code: 66 });
  });

  it('accepts setting _id to its current value', async () => {
    const result = await docs().updateOne({ _id: 1 }, { $set: { _id: 1, name: 'same id' } });

    expect(result.modifiedCount).toBe(1);
  });

  it('reports matched but not modified when the update changes nothing', async () => {
    const result = await docs().updateOne({ _id: 1 }, { $set: { name: 'ada' } });

    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0, upsertedId: null });
  });

  it('reports nothing matched for a filter that matches nothing', async () => {
    const result = await docs().updateOne({ _id: 404 }, { $set: { name: 'ghost' } });

    expect(result).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null });
  });
});

describe('exact numeric $inc', () => {
  const numbers = () => mongo.db.collection<SchemalessDocument>('exact_numbers');
  beforeEach(async () => {
    await numbers().deleteMany({});
  });

  it('adds int64 values without going through doubles', async () => {
    await numbers().insertOne({ _id: 1, balance: Long.fromString('9007199254740993') });

    await numbers().updateOne({ _id: 1 }, { $inc: { balance: Long.fromNumber(1) } });

    const document = await numbers().findOne({ _id: 1 }, { useBigInt64: true });
    expect(document?.['balance']).toBe(9007199254740994n);
  });

  it('adds decimal128 values in decimal arithmetic', async () => {
    await numbers().insertOne({ _id: 1, amount: Decimal128.fromString('0.1') });

    await numbers().updateOne({ _id: 1 }, { $inc: { amount: Decimal128.fromString('0.2') } });

    const amount = (await numbers().findOne({ _id: 1 }))?.['amount'];
    expect(amount).toBeInstanceOf(Decimal128);
    expect(amount.toString()).toBe('0.3');
  });

  it('keeps the widest type: int32 + decimal128 is decimal128, int32 + double is double', async () => {
    await numbers().insertOne({ _id: 1, a: new Int32(1), b: new Int32(1) });

    await numbers().updateOne({ _id: 1 }, { $inc: { a: Decimal128.fromString('0.5'), b: new Double(0.5) } });

    const document = await numbers().findOne({ _id: 1 }, RAW_NUMBERS);
    expect(document?.['a']).toBeInstanceOf(Decimal128);
    expect(document?.['a'].toString()).toBe('1.5');
    expect(document?.['b']).toBeInstanceOf(Double);
    expect(document?.['b'].valueOf()).toBe(1.5);
  });

  it('promotes an int32 that overflows to int64', async () => {
    await numbers().insertOne({ _id: 1, n: new Int32(2147483647) });

    await numbers().updateOne({ _id: 1 }, { $inc: { n: new Int32(1) } });

    const n = (await numbers().findOne({ _id: 1 }, RAW_NUMBERS))?.['n'];
    expect(n).toBeInstanceOf(Long);
    expect(n.toString()).toBe('2147483648');
  });

  it('keeps int32 for int32 + int32 without overflow', async () => {
    await numbers().insertOne({ _id: 1, n: new Int32(1) });

    await numbers().updateOne({ _id: 1 }, { $inc: { n: new Int32(2) } });

    const n = (await numbers().findOne({ _id: 1 }, RAW_NUMBERS))?.['n'];
    expect(n).toBeInstanceOf(Int32);
    expect(n.valueOf()).toBe(3);
  });
});

type StoredNumber = number | Int32 | Long | Double | Decimal128;
interface NumericArrays {
  _id: number;
  amounts: StoredNumber[];
  items: { sku: StoredNumber; qty: StoredNumber }[];
}

describe('array operators compare stored numbers by value', () => {
  const wallets = () => mongo.db.collection<NumericArrays>('array_numbers');
  beforeEach(async () => {
    await wallets().deleteMany({});
    await wallets().insertOne({
      _id: 1,
      amounts: [Long.fromNumber(5), Decimal128.fromString('2.0'), new Double(3), new Int32(4)],
      items: [
        { sku: Long.fromNumber(7), qty: Long.fromNumber(1) },
        { sku: new Int32(8), qty: Long.fromString('9007199254740993') },
      ],
    });
  });
  const stored = async (): Promise<NumericArrays | null> => wallets().findOne({ _id: 1 }, RAW_NUMBERS);
  const values = (array: unknown): string[] => (array as object[]).map(String);

  it('$pull removes a stored Long, Decimal128 or whole double equal to the value', async () => {
    await wallets().updateOne({ _id: 1 }, { $pull: { amounts: 5 } });
    await wallets().updateOne(
      { _id: 1 },
      // The driver's types cannot express "a Long among numbers"; the server compares them by value.
      {
        $pull: { amounts: { $in: [new Int32(2), Long.fromNumber(3)] } },
      } as unknown as UpdateFilter<NumericArrays>,
    );

    expect(values((await stored())?.['amounts'])).toEqual(['4']);
  });

  it('$addToSet does not add a number already stored under another numeric type', async () => {
    const result = await wallets().updateOne(
      { _id: 1 },
      {
        $addToSet: { amounts: { $each: [new Int32(2), Long.fromNumber(3), Decimal128.fromString('5.00')] } },
      },
    );

    expect(result.modifiedCount).toBe(0);
    expect((await stored())?.['amounts']).toHaveLength(4);
  });

  it('matches array elements with $in and $nin by value', async () => {
    await expect(wallets().countDocuments({ amounts: { $in: [Decimal128.fromString('5')] } })).resolves.toBe(
      1,
    );
    await expect(wallets().countDocuments({ amounts: { $nin: [Long.fromNumber(4)] } })).resolves.toBe(0);
    await expect(wallets().countDocuments({ 'items.sku': { $in: [new Double(8)] } })).resolves.toBe(1);
  });

  it('positional $inc finds the element by value and adds exactly to a stored Long', async () => {
    await wallets().updateOne({ _id: 1, 'items.sku': Long.fromNumber(8) }, { $inc: { 'items.$.qty': 1 } });

    const items = (await stored())?.['items'] as { qty: Long }[];
    expect(items[1]?.qty).toBeInstanceOf(Long);
    expect(items.map((item) => item.qty.toString())).toEqual(['1', '9007199254740994']);
  });

  it('arrayFilters select elements by value across numeric types', async () => {
    await wallets().updateOne(
      { _id: 1 },
      { $inc: { 'items.$[match].qty': Long.fromNumber(10) } },
      { arrayFilters: [{ 'match.sku': { $in: [Decimal128.fromString('7')] } }] },
    );

    const items = (await stored())?.['items'] as { qty: Long }[];
    expect(items.map((item) => item.qty.toString())).toEqual(['11', '9007199254740993']);
  });
});

describe('upsert', () => {
  const upserts = () => mongo.db.collection<SchemalessDocument>('upserts');
  beforeEach(async () => {
    await upserts().deleteMany({});
  });

  it('keeps _id: null from the filter instead of generating an ObjectId', async () => {
    await upserts().updateOne({ _id: null } as never, { $set: { marker: true } }, { upsert: true });

    await expect(
      upserts()
        .find({ _id: null } as never)
        .toArray(),
    ).resolves.toEqual([{ _id: null, marker: true }]);
  });

  it('refuses to insert an _id holding a $-prefixed field name (DollarPrefixedFieldName, 52)', async () => {
    const upsert = upserts().updateOne(
      { _id: { k: { $literal: 1 } } } as never,
      { $set: { marker: true } },
      { upsert: true },
    );
    const fromReplacement = upserts().replaceOne(
      { marker: true },
      { _id: { k: { $v: 1 } }, marker: true } as never,
      { upsert: true },
    );

    await expect(upsert).rejects.toMatchObject({ code: 52 });
    await expect(fromReplacement).rejects.toMatchObject({ code: 52 });
    await expect(upserts().countDocuments({})).resolves.toBe(0);
  });

  it('inserts a document seeded from the equality conditions of the filter', async () => {
    const result = await upserts().updateOne(
      { tenantId: 't1', 'profile.name': 'ada', kind: { $eq: 'user' }, age: { $gt: 30 } },
      { $set: { active: true } },
      { upsert: true },
    );

    expect(result).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
    expect(result.upsertedId).toBeInstanceOf(ObjectId);
    const document = await upserts().findOne({ _id: result.upsertedId ?? undefined });
    expect(document).toEqual({
      _id: result.upsertedId,
      tenantId: 't1',
      profile: { name: 'ada' },
      kind: 'user',
      active: true,
    });
  });

  it('seeds from equalities inside $and and uses an _id equality as the new _id', async () => {
    const result = await upserts().updateOne(
      { $and: [{ _id: 'order-1' }, { status: 'new' }] },
      { $inc: { attempts: 1 } },
      { upsert: true },
    );

    expect(result.upsertedId).toBe('order-1');
    await expect(upserts().findOne({ _id: 'order-1' })).resolves.toEqual({
      _id: 'order-1',
      status: 'new',
      attempts: 1,
    });
  });

  it('applies $setOnInsert only when inserting', async () => {
    const upsert = () =>
      upserts().updateOne(
        { _id: 'k' },
        { $setOnInsert: { createdBy: 'first' }, $inc: { hits: 1 } },
        { upsert: true },
      );

    await upsert();
    const second = await upsert();

    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
    await expect(upserts().findOne({ _id: 'k' })).resolves.toEqual({ _id: 'k', createdBy: 'first', hits: 2 });
  });

  it('updates instead of inserting when a document matches', async () => {
    await upserts().insertOne({ _id: 1, tenantId: 't1', hits: 1 });

    const result = await upserts().updateOne({ tenantId: 't1' }, { $inc: { hits: 1 } }, { upsert: true });

    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    await expect(upserts().countDocuments()).resolves.toBe(1);
  });

  it('replaceOne with upsert inserts the replacement with the _id from the filter', async () => {
    const result = await upserts().replaceOne({ _id: 7 }, { name: 'seven' }, { upsert: true });

    expect(result.upsertedId).toBe(7);
    await expect(upserts().findOne({ _id: 7 })).resolves.toEqual({ _id: 7, name: 'seven' });
  });
});

// The engine answers as MongoDB 7.0, whose update statements have no `sort` (8.0 added it for updateOne and
// replaceOne): mongod 7.0's parser refuses the command (40415) before any statement runs.
describe('update statements with a sort (MongoDB 8.0 only)', () => {
  it('are refused as MongoDB 7.0 refuses them, changing nothing', async () => {
    const queue = mongo.db.collection<SchemalessDocument>('update_sort');
    await queue.insertMany([
      { _id: 1, x: 11 },
      { _id: 2, x: 22 },
    ]);

    const updated = queue.updateOne({}, { $inc: { x: 1 } }, { sort: { _id: -1 } });
    const replaced = queue.replaceOne({}, { x: 0 }, { sort: { _id: -1 } });

    await expect(updated).rejects.toMatchObject({ code: 40415 });
    await expect(updated).rejects.toThrow("BSON field 'update.updates.sort' is an unknown field.");
    await expect(replaced).rejects.toMatchObject({ code: 40415 });
    await expect(queue.find({}).toArray()).resolves.toEqual([
      { _id: 1, x: 11 },
      { _id: 2, x: 22 },
    ]);
  });
});

describe('replaceOne', () => {
  it('replaces every field but _id', async () => {
    const replaced = mongo.db.collection<SchemalessDocument>('replaced');
    await replaced.insertOne({ _id: 1, a: 1, b: 2 });

    const result = await replaced.replaceOne({ _id: 1 }, { c: 3 });

    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    await expect(replaced.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, c: 3 });
  });
});

describe('pipeline updates', () => {
  it('computes new fields from existing ones with aggregation stages', async () => {
    const carts = mongo.db.collection<SchemalessDocument>('pipeline_updates');
    await carts.insertOne({ _id: 1, price: 4, quantity: 3, draft: true });

    await carts.updateOne({ _id: 1 }, [
      { $set: { total: { $multiply: ['$price', '$quantity'] }, status: 'priced' } },
      { $unset: 'draft' },
    ]);

    await expect(carts.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      price: 4,
      quantity: 3,
      total: 12,
      status: 'priced',
    });
  });

  it('keeps the _id when $replaceWith builds a document without one', async () => {
    const carts = mongo.db.collection<SchemalessDocument>('pipeline_replace_with');
    await carts.insertOne({ _id: 1, current: { total: 5, items: 2 } });

    await carts.updateOne({ _id: 1 }, [{ $replaceWith: '$current' }]);
    await carts.updateOne({ _id: 1 }, [{ $replaceRoot: { newRoot: { total: '$total', replaced: true } } }]);

    await expect(carts.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, total: 5, replaced: true });
  });

  // https://www.mongodb.com/docs/manual/core/dot-dollar-considerations/ : since 5.0 a pipeline update may
  // create field names that contain dots or start with `$`, through $setField; they are stored as named.
  it('stores the dotted and $-prefixed field names $setField creates, at top level and nested', async () => {
    const carts = mongo.db.collection<SchemalessDocument>('pipeline_dots_and_dollars');
    await carts.insertOne({ _id: 1, foo: {} });
    const setTopLevel = (field: string) => [
      { $replaceWith: { $setField: { field: { $literal: field }, value: 1, input: '$$ROOT' } } },
    ];

    const dollar = await carts.updateOne({ _id: 1 }, setTopLevel('$a'));
    await carts.updateMany({ _id: 1 }, setTopLevel('a.b'));
    await carts.findOneAndUpdate({ _id: 1 }, [
      { $set: { foo: { $setField: { field: { $literal: '$c.d' }, value: 2, input: '$foo' } } } },
    ]);

    expect(dollar).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    await expect(carts.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      foo: { '$c.d': 2 },
      $a: 1,
      'a.b': 1,
    });
  });

  it('refuses stages an update pipeline cannot hold with InvalidOptions (72), unknown ones with 40324', async () => {
    const carts = mongo.db.collection<SchemalessDocument>('pipeline_stages');
    await carts.insertOne({ _id: 1, total: 5 });

    const refused = carts.updateOne({ _id: 1 }, [{ $match: { total: 5 } }]);
    await expect(refused).rejects.toMatchObject({ code: 72 });
    await expect(refused).rejects.toThrow('$match is not allowed to be used within an update');
    await expect(carts.updateOne({ _id: 1 }, [{ $nonsense: {} }])).rejects.toMatchObject({ code: 40324 });
    await expect(carts.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, total: 5 });
  });

  it('still refuses a pipeline that changes the _id', async () => {
    const carts = mongo.db.collection<SchemalessDocument>('pipeline_replace_id');
    await carts.insertOne({ _id: 1, next: { _id: 2 } });

    await expect(carts.updateOne({ _id: 1 }, [{ $replaceWith: '$next' }])).rejects.toMatchObject({
      code: 66,
    });
  });
});

describe('updateMany', () => {
  it('updates every matching document and counts only the ones that changed', async () => {
    const accounts = mongo.db.collection<SchemalessDocument>('update_many');
    await accounts.insertMany([
      { _id: 1, plan: 'free', flagged: false },
      { _id: 2, plan: 'free', flagged: true },
      { _id: 3, plan: 'pro', flagged: false },
    ]);

    const result = await accounts.updateMany({ plan: 'free' }, { $set: { flagged: true } });

    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 1 });
    await expect(accounts.countDocuments({ flagged: true })).resolves.toBe(2);
  });
});

describe('array element updates', () => {
  const orders = () => mongo.db.collection<SchemalessDocument>('array_updates');
  beforeEach(async () => {
    await orders().deleteMany({});
    await orders().insertOne({
      _id: 1,
      items: [
        { sku: 'a', qty: 1, price: 10 },
        { sku: 'b', qty: 5, price: 20 },
        { sku: 'c', qty: 9, price: 30 },
      ],
    });
  });
  const quantities = async (): Promise<unknown[]> =>
    ((await orders().findOne({ _id: 1 }))?.['items'] as { qty: number }[]).map((item) => item.qty);

  it('$ updates the first element matched by the filter', async () => {
    await orders().updateOne({ _id: 1, 'items.sku': 'b' }, { $inc: { 'items.$.qty': 10 } });

    await expect(quantities()).resolves.toEqual([1, 15, 9]);
  });

  it('$[] updates every element', async () => {
    await orders().updateOne({ _id: 1 }, { $inc: { 'items.$[].qty': 1 } });

    await expect(quantities()).resolves.toEqual([2, 6, 10]);
  });

  it('$[identifier] updates the elements selected by arrayFilters', async () => {
    await orders().updateOne(
      { _id: 1 },
      { $set: { 'items.$[big].qty': 0 } },
      { arrayFilters: [{ 'big.qty': { $gte: 5 } }] },
    );

    await expect(quantities()).resolves.toEqual([1, 0, 0]);
  });

  it('addresses array elements by index in dotted paths', async () => {
    await orders().updateOne({ _id: 1 }, { $set: { 'items.0.qty': 42 } });

    await expect(quantities()).resolves.toEqual([42, 5, 9]);
  });
});
