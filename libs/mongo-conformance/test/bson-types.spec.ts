import { Binary, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId } from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

describe('round trips', () => {
  it('returns every BSON type exactly as stored', async () => {
    const original = {
      _id: new ObjectId(),
      objectId: new ObjectId('65a1b2c3d4e5f60718293a4b'),
      date: new Date('2024-02-29T12:34:56.789Z'),
      decimal: Decimal128.fromString('12345678901234567890.123456789'),
      long: Long.fromString('-9223372036854775808'),
      int: new Int32(-7),
      double: new Double(2.5),
      wholeDouble: new Double(3),
      string: 'naïve ☃',
      boolean: false,
      nothing: null,
      binary: new Binary(Buffer.from([0, 1, 2, 255])),
      array: [new Int32(1), 'two', [new Int32(3)], { four: new Double(4) }, null],
      nested: { deeper: { deepest: [{ x: new Int32(1) }] } },
      emptyArray: [],
      emptyObject: {},
      minKey: new MinKey(),
      maxKey: new MaxKey(),
    };
    const types = mongo.db.collection<SchemalessDocument>('round_trip');
    await types.insertOne(original);

    const stored = await types.findOne(
      { _id: original._id },
      { promoteValues: false, promoteBuffers: false },
    );

    expect(stored).toEqual(original);
    expect(stored?.['int']).toBeInstanceOf(Int32);
    expect(stored?.['wholeDouble']).toBeInstanceOf(Double);
    expect(stored?.['long']).toBeInstanceOf(Long);
    expect(Object.keys(stored ?? {})).toEqual(Object.keys(original));
  });

  it('keeps null apart from a missing field', async () => {
    const types = mongo.db.collection<SchemalessDocument>('null_round_trip');
    await types.insertOne({ _id: 1, a: null });

    const stored = await types.findOne({ _id: 1 });

    expect(stored).toHaveProperty('a', null);
    expect(stored).not.toHaveProperty('b');
  });
});

describe('comparison by value in filters', () => {
  const values = () => mongo.db.collection<SchemalessDocument>('filter_by_value');
  const ids = (documents: { _id: unknown }[]): unknown[] => documents.map((document) => document._id);
  const objectId = new ObjectId('65a1b2c3d4e5f60718293a4b');

  beforeAll(async () => {
    await values().insertMany([
      {
        _id: 1,
        n: new Int32(1),
        ref: objectId,
        at: new Date('2024-01-01T00:00:00Z'),
        price: Decimal128.fromString('1.10'),
      },
      {
        _id: 2,
        n: new Double(1),
        ref: new ObjectId(),
        at: new Date('2024-06-01T00:00:00Z'),
        price: Decimal128.fromString('2'),
      },
      { _id: 3, n: Long.fromNumber(1), at: new Date('2025-01-01T00:00:00Z'), price: 2.5 },
      { _id: 4, n: Decimal128.fromString('1.0'), a: null },
      { _id: 5, n: 2, a: 'x' },
    ]);
  });
  const find = async (filter: object): Promise<unknown[]> =>
    ids((await values().find(filter).sort({ _id: 1 }).toArray()) as { _id: unknown }[]);

  it('matches numbers of every BSON numeric type by value', async () => {
    await expect(find({ n: 1 })).resolves.toEqual([1, 2, 3, 4]);
    await expect(find({ n: Decimal128.fromString('1.00') })).resolves.toEqual([1, 2, 3, 4]);
    await expect(find({ n: { $gt: Long.fromNumber(1) } })).resolves.toEqual([5]);
  });

  it('matches decimals by numeric value, not by their digits', async () => {
    await expect(find({ price: Decimal128.fromString('1.1') })).resolves.toEqual([1]);
    await expect(find({ price: { $gte: 2 } })).resolves.toEqual([2, 3]);
  });

  it('matches ObjectIds by value', async () => {
    await expect(find({ ref: new ObjectId(objectId.toHexString()) })).resolves.toEqual([1]);
  });

  it('matches dates by instant and by range', async () => {
    await expect(find({ at: new Date('2024-06-01T00:00:00.000Z') })).resolves.toEqual([2]);
    await expect(
      find({ at: { $gte: new Date('2024-03-01'), $lt: new Date('2026-01-01') } }),
    ).resolves.toEqual([2, 3]);
  });

  it('never matches across type brackets: a string is not a number, a number is not a date', async () => {
    await expect(find({ n: '1' })).resolves.toEqual([]);
    await expect(find({ at: { $gt: 0 } })).resolves.toEqual([]);
  });

  it('{ field: null } matches null and missing; $exists and $type tell them apart', async () => {
    await expect(find({ a: null })).resolves.toEqual([1, 2, 3, 4]);
    await expect(find({ a: { $exists: false } })).resolves.toEqual([1, 2, 3]);
    await expect(find({ a: { $type: 'null' } })).resolves.toEqual([4]);
    await expect(find({ a: { $ne: null } })).resolves.toEqual([5]);
  });

  it('$type selects by BSON type', async () => {
    await expect(find({ n: { $type: 'int' } })).resolves.toEqual([1, 5]);
    await expect(find({ n: { $type: 'double' } })).resolves.toEqual([2]);
    await expect(find({ n: { $type: 'long' } })).resolves.toEqual([3]);
    await expect(find({ n: { $type: 'decimal' } })).resolves.toEqual([4]);
    await expect(find({ n: { $type: 'number' } })).resolves.toEqual([1, 2, 3, 4, 5]);
  });
});

describe('$type across BSON types', () => {
  const typed = () => mongo.db.collection<SchemalessDocument>('type_filter');
  beforeAll(async () => {
    await typed().insertMany([
      { _id: 'string', v: 'text' },
      { _id: 'object', v: { a: 1 } },
      { _id: 'array', v: [new Int32(1), 'two'] },
      { _id: 'bool', v: false },
      { _id: 'date', v: new Date(0) },
      { _id: 'null', v: null },
      { _id: 'objectId', v: new ObjectId() },
      { _id: 'binData', v: new Binary(Buffer.from([1])) },
      { _id: 'long', v: Long.fromNumber(1) },
      { _id: 'missing' },
    ]);
  });
  const find = async (type: unknown): Promise<unknown[]> =>
    (
      await typed()
        .find({ v: { $type: type } })
        .sort({ _id: 1 })
        .toArray()
    ).map((document) => document['_id']);

  it('selects by alias', async () => {
    await expect(find('string')).resolves.toEqual(['array', 'string']);
    await expect(find('object')).resolves.toEqual(['object']);
    await expect(find('array')).resolves.toEqual(['array']);
    await expect(find('bool')).resolves.toEqual(['bool']);
    await expect(find('date')).resolves.toEqual(['date']);
    await expect(find('null')).resolves.toEqual(['null']);
    await expect(find('objectId')).resolves.toEqual(['objectId']);
    await expect(find('binData')).resolves.toEqual(['binData']);
    await expect(find('number')).resolves.toEqual(['array', 'long']);
  });

  it('selects by numeric type code and by a list of types', async () => {
    await expect(find(2)).resolves.toEqual(['array', 'string']);
    await expect(find(8)).resolves.toEqual(['bool']);
    await expect(find(16)).resolves.toEqual(['array']);
    await expect(find(18)).resolves.toEqual(['long']);
    await expect(find(['date', 10])).resolves.toEqual(['date', 'null']);
  });
});

describe('arrays and embedded documents in filters', () => {
  const shapes = () => mongo.db.collection<SchemalessDocument>('filter_shapes');
  beforeAll(async () => {
    await shapes().insertMany([
      {
        _id: 1,
        tags: ['a', 'b'],
        address: { city: 'x', zip: '1' },
        points: [
          { k: 'p', v: 1 },
          { k: 'q', v: 5 },
        ],
      },
      { _id: 2, tags: ['b', 'a'], address: { zip: '1', city: 'x' }, points: [{ k: 'p', v: 5 }] },
      { _id: 3, tags: 'a', points: [] },
    ]);
  });
  const find = async (filter: object): Promise<unknown[]> =>
    (await shapes().find(filter).sort({ _id: 1 }).toArray()).map((document) => document['_id']);

  it('matches a whole array only with the same elements in the same order', async () => {
    await expect(find({ tags: ['a', 'b'] })).resolves.toEqual([1]);
  });

  it('matches a scalar against a scalar field or any array element', async () => {
    await expect(find({ tags: 'a' })).resolves.toEqual([1, 2, 3]);
  });

  it('matches a whole embedded document only with the same fields in the same order', async () => {
    await expect(find({ address: { city: 'x', zip: '1' } })).resolves.toEqual([1]);
    await expect(find({ 'address.city': 'x', 'address.zip': '1' })).resolves.toEqual([1, 2]);
  });

  it('$elemMatch requires one element to satisfy every condition', async () => {
    await expect(find({ points: { $elemMatch: { k: 'p', v: 5 } } })).resolves.toEqual([2]);
    await expect(find({ 'points.k': 'p', 'points.v': 5 })).resolves.toEqual([1, 2]);
  });
});

describe('sort order', () => {
  it('orders values of different types by BSON type bracket', async () => {
    const mixed = mongo.db.collection<SchemalessDocument>('sort_brackets');
    await mixed.insertMany([
      { _id: 'maxKey', v: new MaxKey() },
      { _id: 'date', v: new Date(0) },
      { _id: 'boolean', v: true },
      { _id: 'objectId', v: new ObjectId() },
      { _id: 'binary', v: new Binary(Buffer.from([1])) },
      { _id: 'object', v: { a: 1 } },
      { _id: 'string', v: 'a' },
      { _id: 'number', v: 5 },
      { _id: 'null', v: null },
      { _id: 'minKey', v: new MinKey() },
    ]);

    const sorted = await mixed.find().sort({ v: 1 }).toArray();

    expect(sorted.map((document) => document['_id'])).toEqual([
      'minKey',
      'null',
      'number',
      'string',
      'object',
      'binary',
      'objectId',
      'boolean',
      'date',
      'maxKey',
    ]);
  });

  it('sorts numbers of different BSON types by value', async () => {
    const numbers = mongo.db.collection<SchemalessDocument>('sort_numbers');
    await numbers.insertMany([
      { _id: 'long3', v: Long.fromNumber(3) },
      { _id: 'dec2.5', v: Decimal128.fromString('2.5') },
      { _id: 'int2', v: new Int32(2) },
      { _id: 'double1.5', v: new Double(1.5) },
      { _id: 'negative', v: -10 },
    ]);

    const sorted = await numbers.find().sort({ v: -1 }).toArray();

    expect(sorted.map((document) => document['_id'])).toEqual([
      'long3',
      'dec2.5',
      'int2',
      'double1.5',
      'negative',
    ]);
  });

  it('sorts strings by code point, dates by instant and ObjectIds by their bytes', async () => {
    const misc = mongo.db.collection<SchemalessDocument>('sort_misc');
    await misc.insertMany([
      { _id: 1, s: 'b', d: new Date('2024-01-02'), o: new ObjectId('000000000000000000000002') },
      { _id: 2, s: 'B', d: new Date('2023-12-31'), o: new ObjectId('ff0000000000000000000000') },
      { _id: 3, s: 'a', d: new Date('2024-01-01'), o: new ObjectId('000000000000000000000001') },
    ]);
    const order = async (field: string): Promise<unknown[]> =>
      (
        await misc
          .find()
          .sort({ [field]: 1 })
          .toArray()
      ).map((document) => document['_id']);

    await expect(order('s')).resolves.toEqual([2, 3, 1]);
    await expect(order('d')).resolves.toEqual([2, 3, 1]);
    await expect(order('o')).resolves.toEqual([3, 1, 2]);
  });

  it('sorts missing fields together with null, before numbers', async () => {
    const sparse = mongo.db.collection<SchemalessDocument>('sort_missing');
    await sparse.insertMany([{ _id: 1, v: 1 }, { _id: 2 }, { _id: 3, v: -1 }]);

    const sorted = await sparse.find().sort({ v: 1 }).toArray();

    expect(sorted.map((document) => document['_id'])).toEqual([2, 3, 1]);
  });
});
