import { Decimal128, Double, Int32, Long, type Document } from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();
const orders = () => mongo.db.collection<SchemalessDocument>('orders');
const customers = () => mongo.db.collection<SchemalessDocument>('customers');
const employees = () => mongo.db.collection<SchemalessDocument>('employees');
const aggregate = (pipeline: Document[]): Promise<Document[]> => orders().aggregate(pipeline).toArray();

beforeAll(async () => {
  await orders().insertMany([
    { _id: 1, customer: 'c1', status: 'paid', amount: 10, items: ['pen', 'ink'] },
    { _id: 2, customer: 'c1', status: 'paid', amount: 30, items: ['paper'] },
    { _id: 3, customer: 'c2', status: 'paid', amount: 5, items: [] },
    { _id: 4, customer: 'c2', status: 'void', amount: 100 },
    { _id: 5, customer: 'c3', status: 'paid', amount: 20, items: ['pen'] },
  ]);
  await customers().insertMany([
    { _id: 'c1', name: 'Ada', tier: 'gold' },
    { _id: 'c2', name: 'Bob', tier: 'silver' },
    { _id: 'c4', name: 'Cy', tier: 'gold' },
  ]);
  await employees().insertMany([
    { _id: 'ceo', reportsTo: null },
    { _id: 'cto', reportsTo: 'ceo' },
    { _id: 'lead', reportsTo: 'cto' },
    { _id: 'dev', reportsTo: 'lead' },
    { _id: 'cfo', reportsTo: 'ceo' },
  ]);
});

describe('$match and $group', () => {
  it('groups with $sum, $avg, $min, $max and $push', async () => {
    const groups = await aggregate([
      { $match: { status: 'paid' } },
      { $sort: { _id: 1 } },
      {
        $group: {
          _id: '$customer',
          orders: { $sum: 1 },
          total: { $sum: '$amount' },
          average: { $avg: '$amount' },
          smallest: { $min: '$amount' },
          largest: { $max: '$amount' },
          ids: { $push: '$_id' },
        },
      },
      { $sort: { _id: 1 } },
    ]);

    expect(groups).toEqual([
      { _id: 'c1', orders: 2, total: 40, average: 20, smallest: 10, largest: 30, ids: [1, 2] },
      { _id: 'c2', orders: 1, total: 5, average: 5, smallest: 5, largest: 5, ids: [3] },
      { _id: 'c3', orders: 1, total: 20, average: 20, smallest: 20, largest: 20, ids: [5] },
    ]);
  });

  it('groups everything under _id null, and $avg of integers can be fractional', async () => {
    await expect(
      aggregate([{ $group: { _id: null, average: { $avg: '$amount' }, n: { $sum: 1 } } }]),
    ).resolves.toEqual([{ _id: null, average: 33, n: 5 }]);
    await expect(
      aggregate([
        { $match: { _id: { $in: [1, 3] } } },
        { $group: { _id: null, average: { $avg: '$amount' } } },
      ]),
    ).resolves.toEqual([{ _id: null, average: 7.5 }]);
  });

  it('groups by a compound key and collects documents missing the key under null', async () => {
    const groups = await aggregate([
      { $group: { _id: { status: '$status', hasItems: { $isArray: '$items' } }, n: { $sum: 1 } } },
      { $sort: { '_id.status': 1, '_id.hasItems': 1 } },
    ]);

    expect(groups).toEqual([
      { _id: { status: 'paid', hasItems: true }, n: 4 },
      { _id: { status: 'void', hasItems: false }, n: 1 },
    ]);
    await expect(aggregate([{ $group: { _id: '$nope', n: { $sum: 1 } } }])).resolves.toEqual([
      { _id: null, n: 5 },
    ]);
  });
});

describe('$sort, $skip, $limit, $project, $addFields, $count', () => {
  it('sorts, skips and limits', async () => {
    const page = await aggregate([
      { $sort: { amount: -1 } },
      { $skip: 1 },
      { $limit: 2 },
      { $project: { _id: 1 } },
    ]);

    expect(page).toEqual([{ _id: 2 }, { _id: 5 }]);
  });

  it('$project includes, excludes and computes fields', async () => {
    const projected = await aggregate([
      { $match: { _id: 1 } },
      {
        $project: {
          _id: 0,
          customer: 1,
          doubled: { $multiply: ['$amount', 2] },
          firstItem: { $arrayElemAt: ['$items', 0] },
        },
      },
    ]);
    const excluded = await aggregate([{ $match: { _id: 1 } }, { $project: { items: 0, status: 0 } }]);

    expect(projected).toEqual([{ customer: 'c1', doubled: 20, firstItem: 'pen' }]);
    expect(excluded).toEqual([{ _id: 1, customer: 'c1', amount: 10 }]);
  });

  it('$addFields keeps existing fields and adds computed ones', async () => {
    const [withFields] = await aggregate([
      { $match: { _id: 2 } },
      { $addFields: { itemCount: { $size: '$items' }, label: { $concat: ['$customer', '-', '$status'] } } },
    ]);

    expect(withFields).toEqual({
      _id: 2,
      customer: 'c1',
      status: 'paid',
      amount: 30,
      items: ['paper'],
      itemCount: 1,
      label: 'c1-paid',
    });
  });

  it('$count returns one document with the count, and no document for empty input', async () => {
    await expect(aggregate([{ $match: { status: 'paid' } }, { $count: 'paid' }])).resolves.toEqual([
      { paid: 4 },
    ]);
    await expect(aggregate([{ $match: { status: 'refunded' } }, { $count: 'n' }])).resolves.toEqual([]);
  });
});

describe('$unwind', () => {
  it('emits one document per array element and drops missing or empty arrays', async () => {
    const unwound = await aggregate([
      { $unwind: '$items' },
      { $sort: { _id: 1, items: 1 } },
      { $project: { items: 1 } },
    ]);

    expect(unwound).toEqual([
      { _id: 1, items: 'ink' },
      { _id: 1, items: 'pen' },
      { _id: 2, items: 'paper' },
      { _id: 5, items: 'pen' },
    ]);
  });

  it('keeps missing and empty arrays with preserveNullAndEmptyArrays and reports the index', async () => {
    const unwound = await aggregate([
      { $match: { _id: { $in: [1, 3, 4] } } },
      { $unwind: { path: '$items', preserveNullAndEmptyArrays: true, includeArrayIndex: 'position' } },
      { $sort: { _id: 1, position: 1 } },
      { $project: { items: 1, position: 1 } },
    ]);

    expect(unwound).toEqual([
      { _id: 1, items: 'pen', position: 0 },
      { _id: 1, items: 'ink', position: 1 },
      { _id: 3, position: null },
      { _id: 4, position: null },
    ]);
  });
});

describe('$lookup', () => {
  it('joins by localField and foreignField, with an empty array when nothing matches', async () => {
    const joined = await aggregate([
      { $match: { _id: { $in: [1, 5] } } },
      { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'buyer' } },
      { $project: { buyer: 1 } },
      { $sort: { _id: 1 } },
    ]);

    expect(joined).toEqual([
      { _id: 1, buyer: [{ _id: 'c1', name: 'Ada', tier: 'gold' }] },
      { _id: 5, buyer: [] },
    ]);
  });

  it('joins with let and a pipeline', async () => {
    const joined = await customers()
      .aggregate([
        { $match: { _id: { $in: ['c1', 'c4'] } } },
        {
          $lookup: {
            from: 'orders',
            let: { customerId: '$_id' },
            pipeline: [
              {
                $match: {
                  $expr: { $and: [{ $eq: ['$customer', '$$customerId'] }, { $gte: ['$amount', 20] }] },
                },
              },
              { $project: { _id: 1, amount: 1 } },
            ],
            as: 'bigOrders',
          },
        },
        { $project: { bigOrders: 1 } },
        { $sort: { _id: 1 } },
      ])
      .toArray();

    expect(joined).toEqual([
      { _id: 'c1', bigOrders: [{ _id: 2, amount: 30 }] },
      { _id: 'c4', bigOrders: [] },
    ]);
  });
});

describe('$unionWith', () => {
  it('appends the documents of another collection, optionally through a pipeline', async () => {
    const union = await aggregate([
      { $match: { _id: 1 } },
      { $project: { _id: 1 } },
      { $unionWith: 'customers' },
      { $unionWith: { coll: 'employees', pipeline: [{ $match: { _id: 'ceo' } }] } },
      { $project: { _id: 1 } },
    ]);

    expect(union.map((document) => document['_id'])).toEqual([1, 'c1', 'c2', 'c4', 'ceo']);
  });
});

describe('$facet', () => {
  it('runs several pipelines over the same input into one document', async () => {
    const [facets] = await aggregate([
      { $match: { status: 'paid' } },
      {
        $facet: {
          count: [{ $count: 'n' }],
          top: [{ $sort: { amount: -1 } }, { $limit: 1 }, { $project: { _id: 1 } }],
          byCustomer: [{ $group: { _id: '$customer', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
        },
      },
    ]);

    expect(facets).toEqual({
      count: [{ n: 4 }],
      top: [{ _id: 2 }],
      byCustomer: [
        { _id: 'c1', n: 2 },
        { _id: 'c2', n: 1 },
        { _id: 'c3', n: 1 },
      ],
    });
  });
});

describe('$graphLookup', () => {
  it('follows a chain recursively, recording the depth, up to maxDepth', async () => {
    const [dev] = await employees()
      .aggregate([
        { $match: { _id: 'dev' } },
        {
          $graphLookup: {
            from: 'employees',
            startWith: '$reportsTo',
            connectFromField: 'reportsTo',
            connectToField: '_id',
            as: 'chain',
            depthField: 'depth',
          },
        },
        {
          $graphLookup: {
            from: 'employees',
            startWith: '$reportsTo',
            connectFromField: 'reportsTo',
            connectToField: '_id',
            as: 'nearChain',
            maxDepth: 1,
          },
        },
      ])
      .toArray();

    const byDepth = (dev?.['chain'] as Document[])
      .map((e) => [e['_id'], e['depth']])
      .sort((a, b) => a[1] - b[1]);
    expect(byDepth).toEqual([
      ['lead', 0],
      ['cto', 1],
      ['ceo', 2],
    ]);
    expect((dev?.['nearChain'] as Document[]).map((e) => e['_id']).sort()).toEqual(['cto', 'lead']);
  });

  it('finds everyone below a manager', async () => {
    const [ceo] = await employees()
      .aggregate([
        { $match: { _id: 'ceo' } },
        {
          $graphLookup: {
            from: 'employees',
            startWith: '$_id',
            connectFromField: '_id',
            connectToField: 'reportsTo',
            as: 'reports',
          },
        },
      ])
      .toArray();

    expect((ceo?.['reports'] as Document[]).map((e) => e['_id']).sort()).toEqual([
      'cfo',
      'cto',
      'dev',
      'lead',
    ]);
  });
});

describe('aggregate cursors', () => {
  it('returns results across getMore batches', async () => {
    const ids = await orders()
      .aggregate([{ $sort: { _id: 1 } }, { $project: { _id: 1 } }], { batchSize: 2 })
      .toArray();

    expect(ids).toEqual([{ _id: 1 }, { _id: 2 }, { _id: 3 }, { _id: 4 }, { _id: 5 }]);
  });
});

describe('$lookup with localField, foreignField and pipeline', () => {
  it('runs the pipeline on the documents joined by the fields only', async () => {
    const joined = await aggregate([
      { $match: { status: 'paid' } },
      { $sort: { _id: 1 } },
      {
        $lookup: {
          from: 'customers',
          localField: 'customer',
          foreignField: '_id',
          pipeline: [{ $match: { tier: 'gold' } }, { $project: { _id: 0, name: 1 } }],
          as: 'goldCustomer',
        },
      },
      { $project: { goldCustomer: 1 } },
    ]);

    expect(joined).toEqual([
      { _id: 1, goldCustomer: [{ name: 'Ada' }] },
      { _id: 2, goldCustomer: [{ name: 'Ada' }] },
      { _id: 3, goldCustomer: [] },
      { _id: 5, goldCustomer: [] },
    ]);
  });

  it('joins numbers by value across BSON types', async () => {
    const rates = mongo.db.collection<SchemalessDocument>('lookup_rates');
    await rates.insertMany([
      { _id: 'long', tierCode: Long.fromNumber(2) },
      { _id: 'decimal', tierCode: Decimal128.fromString('3.0') },
    ]);
    const tiers = mongo.db.collection<SchemalessDocument>('lookup_tiers');
    await tiers.insertMany([
      { _id: 2, label: 'two' },
      { _id: 3, label: 'three' },
    ]);

    const joined = await rates
      .aggregate([
        { $sort: { _id: 1 } },
        { $lookup: { from: 'lookup_tiers', localField: 'tierCode', foreignField: '_id', as: 'tier' } },
        { $project: { label: '$tier.label' } },
      ])
      .toArray();

    expect(joined).toEqual([
      { _id: 'decimal', label: ['three'] },
      { _id: 'long', label: ['two'] },
    ]);
  });
});

describe('exact numbers in aggregation', () => {
  const RAW_NUMBERS = { promoteValues: false, promoteLongs: false } as const;
  const ledger = () => mongo.db.collection<SchemalessDocument>('exact_ledger');
  beforeAll(async () => {
    await ledger().insertMany([
      {
        _id: 1,
        kind: 'a',
        small: new Int32(1),
        big: new Int32(2147483647),
        minor: Long.fromString('9007199254740993'),
        amount: Decimal128.fromString('0.1'),
      },
      {
        _id: 2,
        kind: 'a',
        small: new Int32(2),
        big: new Int32(1),
        minor: Long.fromNumber(1),
        amount: Decimal128.fromString('0.2'),
      },
    ]);
  });
  const totals = async (): Promise<Document> => {
    const [group] = await ledger()
      .aggregate(
        [
          {
            $group: {
              _id: '$kind',
              small: { $sum: '$small' },
              big: { $sum: '$big' },
              minor: { $sum: '$minor' },
              amount: { $sum: '$amount' },
              averageAmount: { $avg: '$amount' },
            },
          },
        ],
        RAW_NUMBERS,
      )
      .toArray();
    return group ?? {};
  };

  it('$group $sum of Int32 values is an Int32', async () => {
    const { small } = await totals();

    expect(small).toBeInstanceOf(Int32);
    expect(small.valueOf()).toBe(3);
  });

  it('$group $sum of Int32 values that overflows is a Long', async () => {
    const { big } = await totals();

    expect(big).toBeInstanceOf(Long);
    expect(big.toString()).toBe('2147483648');
  });

  it('$group $sum of Long values is an exact Long beyond 2^53', async () => {
    const { minor } = await totals();

    expect(minor).toBeInstanceOf(Long);
    expect(minor.toString()).toBe('9007199254740994');
  });

  it('$group $sum and $avg of Decimal128 values are exact Decimal128s', async () => {
    const { amount, averageAmount } = await totals();

    expect(amount).toBeInstanceOf(Decimal128);
    expect(amount.toString()).toBe('0.3');
    expect(averageAmount).toBeInstanceOf(Decimal128);
    expect(Number(averageAmount.toString())).toBe(0.15);
  });

  it('$add, $subtract and $multiply keep Long and Decimal128 exact', async () => {
    const [first] = await ledger()
      .aggregate(
        [
          { $match: { _id: 1 } },
          {
            $project: {
              added: { $add: ['$minor', 1] },
              subtracted: { $subtract: ['$minor', Long.fromNumber(3)] },
              multiplied: { $multiply: ['$amount', 3] },
            },
          },
        ],
        RAW_NUMBERS,
      )
      .toArray();

    expect(first?.['added']).toBeInstanceOf(Long);
    expect(first?.['added'].toString()).toBe('9007199254740994');
    expect(first?.['subtracted']).toBeInstanceOf(Long);
    expect(first?.['subtracted'].toString()).toBe('9007199254740990');
    expect(first?.['multiplied']).toBeInstanceOf(Decimal128);
    expect(first?.['multiplied'].toString()).toBe('0.3');
  });

  it('$avg of Long values is a double computed from the exact sum', async () => {
    const [group] = await ledger()
      .aggregate([{ $group: { _id: null, average: { $avg: '$minor' } } }], RAW_NUMBERS)
      .toArray();

    expect(group?.['average']).toBeInstanceOf(Double);
    expect(group?.['average'].valueOf()).toBe(4503599627370497);
  });
});
