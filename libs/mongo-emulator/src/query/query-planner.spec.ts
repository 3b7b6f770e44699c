import type { Document } from 'bson';
import { Decimal128, Long, ObjectId } from 'bson';
import fc from 'fast-check';
import { Collection } from '../storage/collection';
import { idKeyOf } from '../storage/document-id';
import { indexDefinitionFrom } from '../storage/index-definition';
import { TransactionCollectionView } from '../transactions/transaction-collection-view';
import { WriteLockTable } from '../transactions/write-lock-table';
import { runSelection, type SelectionOptions } from './document-selection';
import { compileFilter } from './filter-matcher';
import { executePlan } from './plan-executor';

const INDEX_SPECS: readonly Document[] = [
  { key: { a: 1 } },
  { key: { a: 1, b: -1 } },
  { key: { b: 1, a: 1, c: 1 } },
  { key: { c: -1, _id: 1 } },
  { key: { b: 1 }, sparse: true, name: 'b_sparse' },
  { key: { c: 1, a: -1 }, partialFilterExpression: { b: { $gt: 2 } }, name: 'c_a_partial' },
  { key: { 'd.x': 1, a: 1 } },
];
const FIELDS = ['a', 'b', 'c', 'd.x'] as const;

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 6 }),
  fc.constantFrom(2.5, -0.5, Number.NaN),
  fc.integer({ min: 0, max: 5 }).map((value) => Long.fromNumber(value)),
  fc.constantFrom(Decimal128.fromString('3'), Decimal128.fromString('1.5')),
  fc.constantFrom('', 'a', 'b', 'ab', '3'),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: 0, max: 4 }).map((day) => new Date(Date.UTC(2026, 0, day + 1))),
  fc.constantFrom(new ObjectId('000000000000000000000001'), new ObjectId('000000000000000000000002')),
);
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.record({ z: scalar }) },
);
const documentBody = fc.record(
  {
    a: fieldValue,
    b: fieldValue,
    c: fieldValue,
    d: fc.oneof(
      fc.record({ x: fieldValue }, { requiredKeys: [] }),
      fc.array(fc.record({ x: scalar }), { maxLength: 2 }),
      scalar,
    ),
  },
  { requiredKeys: [] },
);

const fieldCondition = fc.oneof(
  scalar,
  fc.record({ $eq: scalar }),
  fc.record({ $in: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
  fc
    .record({ $gt: scalar }, { requiredKeys: [] })
    .chain((lower) =>
      fc.record({ $lt: scalar }, { requiredKeys: [] }).map((upper) => ({ ...lower, ...upper })),
    ),
  fc.record({ $gte: scalar, $lte: scalar }),
  fc.record({ $ne: scalar }),
  fc.record({ $exists: fc.boolean() }),
  fc.record({ $gt: fc.array(scalar, { maxLength: 2 }) }),
);
const filterArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...FIELDS), fieldCondition), { maxLength: 3 })
  .chain((clauses) =>
    fc.constantFrom('flat', 'and', 'or').map((shape) => {
      if (shape === 'and' && clauses.length > 1)
        return { $and: clauses.map(([field, condition]) => ({ [field]: condition })) };
      if (shape === 'or' && clauses.length > 0)
        return { $or: clauses.map(([field, condition]) => ({ [field]: condition })) };
      const filter: Document = {};
      for (const [field, condition] of clauses) filter[field] = condition;
      return filter;
    }),
  );
const sortArbitrary = fc.option(
  fc
    .uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd.x', '_id'), fc.constantFrom(1, -1)), {
      selector: ([field]) => field,
      maxLength: 3,
      minLength: 1,
    })
    .map((fields) => Object.fromEntries(fields) as Document),
  { nil: undefined },
);
const selectionArbitrary = fc.record({
  filter: filterArbitrary,
  sort: sortArbitrary,
  skip: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  limit: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

interface Scenario {
  readonly indexes: readonly Document[];
  readonly bodies: readonly Document[];
  /** Positions of documents replaced by another body, then removed, after the inserts. */
  readonly replaced: ReadonlyArray<[number, Document]>;
  readonly removed: readonly number[];
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  indexes: fc.subarray([...INDEX_SPECS]),
  bodies: fc.array(documentBody, { maxLength: 40 }),
  replaced: fc.array(fc.tuple(fc.nat(), documentBody), { maxLength: 5 }),
  removed: fc.array(fc.nat(), { maxLength: 5 }),
});

function collectionOf(scenario: Scenario): Collection {
  const collection = new Collection('db', 'coll', new WriteLockTable());
  // Half the indexes exist before the documents and half are built over them.
  const [early, late] = [
    scenario.indexes.filter((_, i) => i % 2 === 0),
    scenario.indexes.filter((_, i) => i % 2 === 1),
  ];
  for (const spec of early) collection.createIndex(indexDefinitionFrom(spec));
  scenario.bodies.forEach((body, position) => collection.insert({ _id: position, ...body }));
  for (const spec of late) collection.createIndex(indexDefinitionFrom(spec));
  if (scenario.bodies.length > 0) {
    for (const [position, body] of scenario.replaced) {
      const id = position % scenario.bodies.length;
      const idKey = keyOf(collection, id);
      if (idKey !== undefined) collection.replace(idKey, { _id: id, ...body });
    }
    for (const position of scenario.removed) {
      const idKey = keyOf(collection, position % scenario.bodies.length);
      if (idKey !== undefined) collection.remove(idKey);
    }
  }
  return collection;
}

/** The `_id` key of a stored document, undefined once removed. */
function keyOf(collection: Collection, id: number): string | undefined {
  const idKey = idKeyOf({ _id: id });
  return collection.get(idKey) === undefined ? undefined : idKey;
}

function scanned(
  set: Parameters<typeof executePlan>[0],
  selection: SelectionOptions & { filter: Document },
): Document[] {
  const limit = selection.limit !== undefined && selection.limit !== 0 ? selection.limit : Infinity;
  return executePlan(set, { kind: 'COLLSCAN' }, compileFilter(selection.filter), {
    sort: selection.sort,
    skip: selection.skip ?? 0,
    limit,
  }).documents;
}

const ids = (documents: Document[]): unknown[] => documents.map((document) => document['_id']);

describe('query planner', () => {
  it('returns exactly what a collection scan returns, in the same order, whatever index it picks', () => {
    let indexed = 0;
    let unions = 0;
    let total = 0;
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.array(selectionArbitrary, { minLength: 1, maxLength: 5 }),
        (scenario, selections) => {
          const collection = collectionOf(scenario);
          for (const selection of selections) {
            const selected = runSelection(collection, selection.filter, selection);
            if (selected.plan.kind !== 'COLLSCAN') indexed++;
            if (selected.plan.kind === 'OR') unions++;
            total++;
            expect(ids(selected.documents)).toEqual(ids(scanned(collection, selection)));
          }
        },
      ),
      { numRuns: 500 },
    );
    // The property means little unless a good share of the queries went through an index (and some `$or`
    // through an index union).
    expect(indexed).toBeGreaterThan(total / 4);
    expect(unions).toBeGreaterThan(total / 50);
  });

  it('inside a transaction, sees its own writes and its snapshot the way a scan of its view does', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.array(fc.tuple(fc.nat(), documentBody), { maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), documentBody), { maxLength: 4 }),
        fc.array(selectionArbitrary, { minLength: 1, maxLength: 4 }),
        (scenario, ownWrites, othersWrites, selections) => {
          const collection = collectionOf(scenario);
          const view = new TransactionCollectionView(
            collection,
            { completion: new Promise(() => undefined) },
            new WriteLockTable(),
          );
          const size = scenario.bodies.length + 2;
          // The transaction updates, deletes or inserts; then others commit changes to other documents.
          const touched = new Set<number>();
          for (const [position, body] of ownWrites) {
            const id = position % size;
            touched.add(id);
            const idKey = keyOf(collection, id);
            if (idKey === undefined) {
              if (view.get(idKeyOf({ _id: id })) === undefined) view.insert({ _id: id, ...body });
            } else if (position % 3 === 0) view.remove(idKey);
            else view.replace(idKey, { _id: id, ...body });
          }
          for (const [position, body] of othersWrites) {
            const id = (position % size) + 100;
            if (touched.has(id)) continue;
            const idKey = keyOf(collection, position % size);
            if (idKey !== undefined && !touched.has(position % size)) {
              if (position % 2 === 0) collection.remove(idKey);
              else collection.replace(idKey, { _id: position % size, ...body });
            } else if (keyOf(collection, id) === undefined) {
              collection.insert({ _id: id, ...body });
            }
          }
          for (const selection of selections) {
            expect(ids(runSelection(view, selection.filter, selection).documents)).toEqual(
              ids(scanned(view, selection)),
            );
          }
          view.close();
        },
      ),
      { numRuns: 300 },
    );
  });
});

function paymentsCollection(count: number): Collection {
  const collection = new Collection('db', 'payments', new WriteLockTable());
  collection.createIndex(indexDefinitionFrom({ key: { tenantId: 1, status: 1, createdAt: -1 } }));
  collection.createIndex(
    indexDefinitionFrom({
      key: { tenantId: 1, updatedAt: 1 },
      name: 'pending',
      partialFilterExpression: { status: 'PENDING' },
    }),
  );
  collection.createIndex(
    indexDefinitionFrom({ key: { reference: 1 }, sparse: true, name: 'reference_sparse' }),
  );
  for (let sequence = 0; sequence < count; sequence++) {
    collection.insert({
      _id: sequence,
      tenantId: `tenant-${sequence % 10}`,
      status: sequence % 4 === 0 ? 'PENDING' : 'SETTLED',
      createdAt: new Date(1_700_000_000_000 + sequence * 1000),
      updatedAt: new Date(1_700_000_000_000 + sequence * 1000),
      ...(sequence % 2 === 0 ? { reference: `R${sequence}` } : {}),
    });
  }
  return collection;
}

describe('query planner on a payments-shaped collection', () => {
  const collection = paymentsCollection(2_000);

  it('fixes tenantId and status, reads createdAt in index order and stops at the limit', () => {
    const selection = runSelection(
      collection,
      { tenantId: 'tenant-3', status: 'SETTLED' },
      { sort: { createdAt: -1 }, limit: 20 },
    );
    expect(selection.plan).toMatchObject({
      kind: 'IXSCAN',
      reverse: false,
      index: { name: 'tenantId_1_status_1_createdAt_-1' },
    });
    expect(selection.documents).toHaveLength(20);
    expect(selection.stats.docsExamined).toBe(20);
    // One key past the page shows the run of equal sort keys has ended.
    expect(selection.stats.keysExamined).toBe(21);
  });

  it('reads the index backwards for the opposite sort and bounds a range on the next field', () => {
    const since = new Date(1_700_000_000_000 + 1_000 * 1000);
    const selection = runSelection(
      collection,
      { $and: [{ tenantId: 'tenant-3', status: 'SETTLED' }, { createdAt: { $gte: since } }] },
      { sort: { createdAt: 1 }, limit: 5 },
    );
    expect(selection.plan).toMatchObject({ kind: 'IXSCAN', reverse: true });
    expect(selection.documents.map((document) => document['_id'])).toEqual([1003, 1013, 1023, 1033, 1043]);
  });

  it('uses a partial index only for queries inside its filter', () => {
    const cutoff = new Date(1_700_000_000_000 + 100 * 1000);
    const pending = runSelection(collection, { status: 'PENDING', updatedAt: { $lt: cutoff } });
    expect(pending.plan).toMatchObject({ kind: 'IXSCAN', index: { name: 'pending' } });
    expect(pending.stats.keysExamined).toBe(500);
    expect(runSelection(collection, { updatedAt: { $lt: cutoff } }).plan.kind).toBe('COLLSCAN');
  });

  it('uses a sparse index for a value but not for null, which matches documents it leaves out', () => {
    expect(runSelection(collection, { reference: 'R10' }).plan).toMatchObject({
      index: { name: 'reference_sparse' },
    });
    const missing = runSelection(collection, { reference: null });
    expect(missing.plan.kind).toBe('COLLSCAN');
    expect(missing.documents).toHaveLength(1_000);
  });

  it('scans the collection when no index bounds the query or serves its sort', () => {
    const selection = runSelection(collection, { status: 'SETTLED' }, { sort: { updatedAt: 1 }, limit: 1 });
    expect(selection.plan.kind).toBe('COLLSCAN');
    expect(selection.stats.docsExamined).toBe(2_000);
  });

  it('keeps the indexes in step with replaced and removed documents', () => {
    const changing = paymentsCollection(50);
    changing.replace(idKeyOf({ _id: 0 }), {
      _id: 0,
      tenantId: 'tenant-0',
      status: 'SETTLED',
      createdAt: new Date(0),
      updatedAt: new Date(0),
    });
    changing.remove(idKeyOf({ _id: 4 }));
    const selection = runSelection(changing, { tenantId: 'tenant-0', status: 'PENDING' });
    expect(selection.documents.map((document) => document['_id'])).toEqual([20, 40]);
    expect(selection.stats.keysExamined).toBe(2);
  });

  it('plans a $or whose every branch has an index as a union of their scans, each document once', () => {
    const selection = runSelection(collection, {
      $or: [
        { reference: { $in: ['R10', 'R12'] } },
        { tenantId: 'tenant-0', status: 'PENDING' },
        { reference: 'R12' },
      ],
    });
    expect(selection.plan).toMatchObject({
      kind: 'OR',
      branches: [
        { index: { name: 'reference_sparse' } },
        { index: { name: 'tenantId_1_status_1_createdAt_-1' } },
        { index: { name: 'reference_sparse' } },
      ],
    });
    // tenant-0 PENDING are the multiples of 20: 100 documents, R10 and R12 are not among them; R12 twice.
    expect(selection.documents.slice(0, 3).map((document) => document['_id'])).toEqual([0, 10, 12]);
    expect(selection.documents).toHaveLength(102);
    expect(selection.stats.docsExamined).toBe(102);
  });

  it('scans for a $or when a branch has no index', () => {
    const selection = runSelection(collection, { $or: [{ reference: 'R10' }, { updatedAt: new Date(0) }] });
    expect(selection.plan.kind).toBe('COLLSCAN');
    expect(selection.documents.map((document) => document['_id'])).toEqual([10]);
  });

  it('obeys a hint by name or key pattern, $natural, and refuses an unknown one with BadValue (2)', () => {
    const query = { tenantId: 'tenant-3', status: 'SETTLED' };
    expect(runSelection(collection, query, { hint: 'reference_sparse' }).plan).toMatchObject({
      kind: 'IXSCAN',
      index: { name: 'reference_sparse' },
    });
    const byPattern = runSelection(collection, { reference: 'R10' }, { hint: { _id: 1 } });
    expect(byPattern.plan).toMatchObject({ kind: 'IXSCAN', index: { name: '_id_' } });
    expect(byPattern.stats.keysExamined).toBe(2_000);
    expect(byPattern.documents.map((document) => document['_id'])).toEqual([10]);
    expect(runSelection(collection, query, { hint: { $natural: 1 } }).plan.kind).toBe('COLLSCAN');
    expect(() => runSelection(collection, query, { hint: 'no_such_index' })).toThrow(
      expect.objectContaining({
        code: 2,
        message: expect.stringContaining('hint provided does not correspond to an existing index'),
      }),
    );
    expect(() => runSelection(collection, query, { hint: { createdAt: 1 } })).toThrow(
      expect.objectContaining({ code: 2 }),
    );
    // A partial index whose filter the query does not imply cannot answer it.
    expect(() => runSelection(collection, query, { hint: 'pending' })).toThrow(
      expect.objectContaining({ code: 2 }),
    );
  });
});
