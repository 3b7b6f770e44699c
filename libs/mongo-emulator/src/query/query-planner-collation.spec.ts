import type { Document } from 'bson';
import fc from 'fast-check';
import { Collection } from '../storage/collection';
import { idKeyOf } from '../storage/document-id';
import { indexDefinitionFrom } from '../storage/index-definition';
import { WriteLockTable } from '../transactions/write-lock-table';
import { withCollation } from './collation';
import { runSelection } from './document-selection';
import { compileFilter } from './filter-matcher';
import { executePlan } from './plan-executor';

const CASE_INSENSITIVE = { locale: 'en', strength: 2 };
const BASE_LETTERS_ONLY = { locale: 'en', strength: 1 };

function namesCollection(names: readonly string[]): Collection {
  const collection = new Collection('db', 'names', new WriteLockTable());
  collection.createIndex(indexDefinitionFrom({ key: { name: 1 } }));
  names.forEach((name, position) => collection.insert({ _id: position, name }));
  return collection;
}

const ids = (documents: Document[]): unknown[] => documents.map((document) => document['_id']);

describe('query planner under a collation', () => {
  it('scans under a non-simple collation, where the binary-ordered index would miss equal strings', () => {
    const collection = namesCollection(['ping', 'PING', 'pong']);
    const selection = withCollation(CASE_INSENSITIVE, () => runSelection(collection, { name: 'ping' }));
    expect(selection.plan.kind).toBe('COLLSCAN');
    expect(ids(selection.documents)).toEqual([0, 1]);
    expect(runSelection(collection, { name: 'ping' }).plan.kind).toBe('IXSCAN');
    expect(
      withCollation({ locale: 'simple' }, () => runSelection(collection, { name: 'ping' })).plan.kind,
    ).toBe('IXSCAN');
  });

  it('scans _id string lookups under a collation too', () => {
    const collection = new Collection('db', 'ids', new WriteLockTable());
    collection.insert({ _id: 'PING' });
    const selection = withCollation(CASE_INSENSITIVE, () => runSelection(collection, { _id: 'ping' }));
    expect(selection.plan.kind).toBe('COLLSCAN');
    expect(ids(selection.documents)).toEqual(['PING']);
  });

  // Writes run under their command's collation (an update with `collation`, a collection default): index
  // maintenance must still order keys in binary, or later uncollated lookups would miss documents.
  it('keeps index keys in binary order whatever collation the writing command runs under', () => {
    const name = fc
      .array(fc.constantFrom('a', 'A', 'b', 'B', 'á', 'Á', '1', '10', '2'), { maxLength: 3 })
      .map((parts) => parts.join(''));
    const condition = fc.oneof(
      name,
      fc.record({ $gte: name }),
      fc.record({ $lt: name }),
      fc.record({ $in: fc.array(name, { maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), name), { maxLength: 5 }),
        condition,
        fc.constantFrom(CASE_INSENSITIVE, BASE_LETTERS_ONLY, { locale: 'en', numericOrdering: true }),
        (names, replacements, nameCondition, collation) => {
          const collection = namesCollection([]);
          withCollation(collation, () => {
            names.forEach((value, position) => collection.insert({ _id: position, name: value }));
            for (const [position, value] of replacements) {
              if (names.length > 0) {
                const id = position % names.length;
                collection.replace(idKeyOf({ _id: id }), { _id: id, name: value });
              }
            }
          });
          const filter = { name: nameCondition };
          const planned = runSelection(collection, filter, { sort: { name: 1 } });
          const scanned = executePlan(collection, { kind: 'COLLSCAN' }, compileFilter(filter), {
            sort: { name: 1 },
            skip: 0,
            limit: Infinity,
          });
          expect(planned.plan.kind).toBe('IXSCAN');
          expect(ids(planned.documents)).toEqual(ids(scanned.documents));
        },
      ),
      { numRuns: 300 },
    );
  });
});
