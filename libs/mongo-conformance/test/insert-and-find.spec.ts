import {
  type CommandStartedEvent,
  type CommandSucceededEvent,
  type Document,
  Long,
  MongoClient,
  ObjectId,
} from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

import type { SchemalessDocument } from './schemaless-document';

const mongo = useTestMongo();

/** Ten documents with _id 0..9, so expected results can be written as lists of ids. */
const numbered = Array.from({ length: 10 }, (_, i) => ({
  _id: i,
  n: i,
  parity: i % 2 === 0 ? 'even' : 'odd',
  tags: i % 3 === 0 ? ['fizz', 'x'] : ['x'],
  nested: { square: i * i, label: `n${i}` },
}));

const ids = (documents: Document[]): unknown[] => documents.map((document) => document['_id']);

beforeAll(async () => {
  await mongo.db.collection<SchemalessDocument>('numbered').insertMany(numbered);
});

describe('insertOne', () => {
  it('generates an ObjectId _id when the document has none', async () => {
    const result = await mongo.db.collection<SchemalessDocument>('generated_ids').insertOne({ a: 1 });

    expect(result.acknowledged).toBe(true);
    expect(result.insertedId).toBeInstanceOf(ObjectId);
    await expect(
      mongo.db.collection<SchemalessDocument>('generated_ids').findOne({ _id: result.insertedId }),
    ).resolves.toEqual({
      _id: result.insertedId,
      a: 1,
    });
  });

  it('stores the document with _id first and the other fields in their given order', async () => {
    await mongo.db
      .collection<SchemalessDocument>('field_order')
      .insertOne({ z: 1, a: 2, _id: 'x', m: { b: 1, a: 2 } });

    const stored = await mongo.db.collection<SchemalessDocument>('field_order').findOne({ _id: 'x' });
    expect(Object.keys(stored ?? {})).toEqual(['_id', 'z', 'a', 'm']);
    expect(Object.keys(stored?.['m'] ?? {})).toEqual(['b', 'a']);
  });

  // https://www.mongodb.com/docs/manual/core/dot-dollar-considerations/dollar-prefix/ : `$`-prefixed and
  // dotted field names are stored (since 5.0), except inside the _id (DollarPrefixedFieldName, 52).
  it('stores $-prefixed and dotted field names, but refuses a $-prefixed name anywhere in the _id', async () => {
    const odd = mongo.db.collection<SchemalessDocument>('dots_and_dollars');

    await odd.insertOne({ _id: 1, $a: 1, 'b.c': 2, nested: { $d: 3 } });
    await odd.insertOne({ _id: { 'a.b': 1 } } as never);
    const refused = odd.insertOne({ _id: { a: { $b: 1 } } } as never);

    await expect(refused).rejects.toMatchObject({ code: 52 });
    await expect(refused).rejects.toThrow("_id fields may not contain '$'-prefixed fields: $b");
    await expect(odd.find({}).toArray()).resolves.toEqual([
      { _id: 1, $a: 1, 'b.c': 2, nested: { $d: 3 } },
      { _id: { 'a.b': 1 } },
    ]);
  });
});

describe('insertMany', () => {
  it('reports the count and the _id of each document by position', async () => {
    const result = await mongo.db
      .collection<SchemalessDocument>('many')
      .insertMany([{ _id: 'a' }, { _id: 'b' }, { v: 1 }]);

    expect(result.insertedCount).toBe(3);
    expect(result.insertedIds[0]).toBe('a');
    expect(result.insertedIds[1]).toBe('b');
    expect(result.insertedIds[2]).toBeInstanceOf(ObjectId);
  });
});

describe('find filters', () => {
  const find = (filter: Document): Promise<unknown[]> =>
    mongo.db.collection<SchemalessDocument>('numbered').find(filter).sort({ _id: 1 }).toArray().then(ids);

  it('matches comparison operators', async () => {
    await expect(find({ n: { $gt: 7 } })).resolves.toEqual([8, 9]);
    await expect(find({ n: { $gte: 2, $lt: 4 } })).resolves.toEqual([2, 3]);
    await expect(find({ n: { $in: [1, 5, 42] } })).resolves.toEqual([1, 5]);
    await expect(find({ n: { $nin: [0, 1, 2, 3, 4, 5, 6] } })).resolves.toEqual([7, 8, 9]);
    await expect(find({ n: { $ne: 0, $lte: 2 } })).resolves.toEqual([1, 2]);
  });

  it('matches logical operators', async () => {
    await expect(find({ $or: [{ n: 1 }, { n: 8 }] })).resolves.toEqual([1, 8]);
    await expect(find({ $and: [{ parity: 'odd' }, { n: { $gt: 5 } }] })).resolves.toEqual([7, 9]);
    await expect(find({ $nor: [{ parity: 'odd' }, { n: { $gt: 3 } }] })).resolves.toEqual([0, 2]);
    await expect(find({ n: { $not: { $gt: 1 } } })).resolves.toEqual([0, 1]);
  });

  it('matches dotted paths into nested documents', async () => {
    await expect(find({ 'nested.square': { $gt: 50 } })).resolves.toEqual([8, 9]);
    await expect(find({ 'nested.label': 'n3' })).resolves.toEqual([3]);
  });

  it('matches a scalar against any element of an array field', async () => {
    await expect(find({ tags: 'fizz' })).resolves.toEqual([0, 3, 6, 9]);
    await expect(find({ tags: { $size: 2 } })).resolves.toEqual([0, 3, 6, 9]);
    await expect(find({ tags: { $all: ['x', 'fizz'] } })).resolves.toEqual([0, 3, 6, 9]);
  });

  it('matches $exists, $regex and $expr', async () => {
    await expect(find({ missing: { $exists: true } })).resolves.toEqual([]);
    await expect(find({ 'nested.label': { $regex: '^n[12]$' } })).resolves.toEqual([1, 2]);
    await expect(
      find({ $expr: { $eq: ['$n', { $sqrt: '$nested.square' }] }, n: { $lt: 2 } }),
    ).resolves.toEqual([0, 1]);
  });

  it('returns nothing, rather than failing, for a collection that does not exist', async () => {
    await expect(
      mongo.db.collection<SchemalessDocument>('never_created').find({}).toArray(),
    ).resolves.toEqual([]);
    await expect(mongo.db.collection<SchemalessDocument>('never_created').findOne({})).resolves.toBeNull();
  });
});

describe('find options', () => {
  const numberedCollection = () => mongo.db.collection<SchemalessDocument>('numbered');

  it('sorts ascending, descending and by several keys', async () => {
    expect(ids(await numberedCollection().find().sort({ n: -1 }).toArray())).toEqual([
      9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ]);
    expect(ids(await numberedCollection().find().sort({ parity: 1, n: -1 }).toArray())).toEqual([
      8, 6, 4, 2, 0, 9, 7, 5, 3, 1,
    ]);
  });

  it('applies sort, then skip, then limit, whatever order they are chained in', async () => {
    const documents = await numberedCollection().find().limit(3).skip(2).sort({ n: -1 }).toArray();

    expect(ids(documents)).toEqual([7, 6, 5]);
  });

  it('projects included fields plus _id', async () => {
    const document = await numberedCollection().findOne(
      { _id: 4 },
      { projection: { n: 1, 'nested.label': 1 } },
    );

    expect(document).toEqual({ _id: 4, n: 4, nested: { label: 'n4' } });
  });

  it('projects without _id when it is excluded', async () => {
    const document = await numberedCollection().findOne({ _id: 4 }, { projection: { _id: 0, parity: 1 } });

    expect(document).toEqual({ parity: 'even' });
  });

  it('projects every field but the excluded ones', async () => {
    const document = await numberedCollection().findOne(
      { _id: 4 },
      { projection: { tags: 0, 'nested.square': 0 } },
    );

    expect(document).toEqual({ _id: 4, n: 4, parity: 'even', nested: { label: 'n4' } });
  });

  it('projects array slices and computed fields', async () => {
    const document = await numberedCollection().findOne(
      { _id: 3 },
      { projection: { tags: { $slice: 1 }, double: { $multiply: ['$n', 2] } } },
    );

    expect(document).toEqual({ _id: 3, tags: ['fizz'], double: 6 });
  });

  it('rejects a projection that mixes inclusion and exclusion (31254)', async () => {
    await expect(numberedCollection().findOne({}, { projection: { n: 1, parity: 0 } })).rejects.toMatchObject(
      {
        code: 31254,
      },
    );
  });
});

describe('cursors', () => {
  let client: MongoClient;
  const started: CommandStartedEvent[] = [];
  const succeeded: CommandSucceededEvent[] = [];

  beforeAll(async () => {
    client = await MongoClient.connect(mongo.uri, { monitorCommands: true });
    client.on('commandStarted', (event) => started.push(event));
    client.on('commandSucceeded', (event) => succeeded.push(event));
  });
  beforeEach(() => {
    started.length = 0;
    succeeded.length = 0;
  });
  afterAll(async () => {
    await client.close();
  });

  const repliesTo = (name: string): Document[] =>
    succeeded.filter((event) => event.commandName === name).map((event) => event.reply as Document);

  it('returns the first batch with find and the rest with getMore, batchSize documents at a time', async () => {
    const documents = await client
      .db(mongo.dbName)
      .collection<SchemalessDocument>('numbered')
      .find({}, { batchSize: 3 })
      .sort({ _id: 1 })
      .toArray();

    expect(ids(documents)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const [find] = repliesTo('find');
    expect(find?.['cursor'].firstBatch).toHaveLength(3);
    const getMores = repliesTo('getMore');
    expect(getMores.map((reply) => reply['cursor'].nextBatch.length)).toEqual([3, 3, 1]);
    expect(getMores.at(-1)?.['cursor'].id.toString()).toBe('0');
  });

  it('keeps the same cursor id across getMore batches', async () => {
    const cursor = client
      .db(mongo.dbName)
      .collection<SchemalessDocument>('numbered')
      .find({}, { batchSize: 2 })
      .sort({ _id: 1 });
    const seen: unknown[] = [];
    for await (const document of cursor) seen.push(document['_id']);

    expect(seen).toHaveLength(10);
    const [find] = repliesTo('find');
    const cursorId = find?.['cursor'].id.toString();
    expect(cursorId).not.toBe('0');
    const requested = started.filter((event) => event.commandName === 'getMore');
    expect(requested.length).toBeGreaterThan(0);
    for (const getMore of requested) expect(getMore.command['getMore'].toString()).toBe(cursorId);
  });

  it('closes the cursor with id 0 when the first batch holds every result', async () => {
    await client
      .db(mongo.dbName)
      .collection<SchemalessDocument>('numbered')
      .find({ n: { $lt: 3 } })
      .toArray();

    expect(repliesTo('find')[0]?.['cursor'].id.toString()).toBe('0');
    expect(repliesTo('getMore')).toHaveLength(0);
  });

  it('stops at the limit even when batches are smaller', async () => {
    const documents = await client
      .db(mongo.dbName)
      .collection<SchemalessDocument>('numbered')
      .find({}, { batchSize: 2, limit: 5 })
      .sort({ _id: 1 })
      .toArray();

    expect(ids(documents)).toEqual([0, 1, 2, 3, 4]);
  });

  it('kills the server cursor when closed early, after which getMore fails with CursorNotFound (43)', async () => {
    const cursor = client
      .db(mongo.dbName)
      .collection<SchemalessDocument>('numbered')
      .find({}, { batchSize: 2 });
    await cursor.next();
    const cursorId = repliesTo('find')[0]?.['cursor'].id;

    await cursor.close();

    const [killCursors] = repliesTo('killCursors');
    expect(killCursors?.['cursorsKilled'].map(String)).toEqual([String(cursorId)]);
    await expect(
      client.db(mongo.dbName).command({ getMore: Long.fromString(String(cursorId)), collection: 'numbered' }),
    ).rejects.toMatchObject({ code: 43 });
  });
});
