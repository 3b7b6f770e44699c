import type { Document } from 'bson';
import { Decimal128, Long, ObjectId } from 'bson';
import fc from 'fast-check';
import { Collection } from '../storage/collection';
import { indexDefinitionFrom } from '../storage/index-definition';
import { WriteLockTable } from '../transactions/write-lock-table';
import { countFromIndex } from './count-from-index';
import { selectDocuments } from './document-selection';

const INDEX_SPECS: readonly Document[] = [
  { key: { a: 1 } },
  { key: { a: 1, b: -1 } },
  { key: { b: 1 }, sparse: true, name: 'b_sparse' },
  { key: { c: 1, a: -1 }, partialFilterExpression: { b: { $gt: 2 } }, name: 'c_a_partial' },
];
const scalar = fc.oneof(
  fc.integer({ min: -2, max: 3 }),
  fc.constantFrom(2.5, Number.NaN),
  fc.integer({ min: 0, max: 3 }).map((value) => Long.fromNumber(value)),
  fc.constant(Decimal128.fromString('1')),
  fc.constantFrom('', 'a', '1'),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 2))),
  fc.constantFrom(new ObjectId('000000000000000000000001'), new ObjectId('000000000000000000000002')),
);
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.record({ z: scalar }) },
);
const body = fc.record({ a: fieldValue, b: fieldValue, c: fieldValue }, { requiredKeys: [] });
const equalityFilter = fc.dictionary(fc.constantFrom('a', 'b', 'c'), scalar, { minKeys: 1, maxKeys: 2 });

function collectionOf(indexes: readonly Document[], bodies: readonly Document[]): Collection {
  const collection = new Collection('db', 'coll', new WriteLockTable());
  for (const spec of indexes) collection.createIndex(indexDefinitionFrom(spec));
  bodies.forEach((document, position) => collection.insert({ _id: position, ...document }));
  return collection;
}

describe('countFromIndex', () => {
  it('counts index keys for equalities on an index of one entry per document', () => {
    const collection = collectionOf(
      [{ key: { a: 1, b: 1 } }],
      [{ a: 'x' }, { a: 'x', b: 2 }, { a: 'y' }, { b: 'x' }],
    );

    expect(countFromIndex(collection, { a: 'x' })).toBe(2);
    expect(countFromIndex(collection, { a: 'x', b: 2 })).toBe(1);
  });

  it('leaves to the documents what the keys cannot tell: no index, arrays, other operators, null', () => {
    const collection = collectionOf([{ key: { a: 1 } }], [{ a: ['x', 'y'] }, { a: 'x' }, { c: 1 }]);

    expect(countFromIndex(collection, { a: 'x' })).toBeUndefined();
    expect(
      countFromIndex(collectionOf([{ key: { a: 1 } }], [{ a: 'x' }]), { a: { $gt: 'a' } }),
    ).toBeUndefined();
    expect(countFromIndex(collectionOf([{ key: { a: 1 } }], [{ a: 'x' }]), { a: null })).toBeUndefined();
    expect(countFromIndex(collection, { c: 1 })).toBeUndefined();
  });

  it('agrees with counting the matching documents whenever it answers (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...INDEX_SPECS]),
        fc.array(body, { maxLength: 30 }),
        equalityFilter,
        (indexes, bodies, filter) => {
          const collection = collectionOf(indexes, bodies);
          const counted = countFromIndex(collection, filter);
          if (counted !== undefined) expect(counted).toBe(selectDocuments(collection, filter).length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
