import type { Document } from 'bson';
import { Query } from 'mingo';
import { CommandError } from '../commands/command-error';
import { comparableDocument } from './comparable-value';
import { readOnlyMingoOptions, translateMingoError } from './mingo-options';

/** Sorts by MongoDB rules on comparable values (numbers by value across BSON types), returning the originals. */
export function sortDocuments(documents: Document[], sort: Document | undefined): Document[] {
  if (sort === undefined) return documents;
  const spec: Record<string, 1 | -1> = {};
  let reverseNatural = false;
  for (const [field, direction] of Object.entries(sort)) {
    if (direction !== 1 && direction !== -1) {
      throw new CommandError(
        'BadValue',
        '$sort key ordering must be 1 (for ascending) or -1 (for descending)',
      );
    }
    if (field === '$natural') reverseNatural = direction === -1;
    else spec[field] = direction;
  }
  const natural = reverseNatural ? [...documents].reverse() : documents;
  if (Object.keys(spec).length === 0) return natural;
  const originals = new Map<Document, Document>();
  const comparables = natural.map((document) => {
    const comparable = comparableDocument(document);
    originals.set(comparable, document);
    return comparable;
  });
  try {
    const sorted = new Query({}, readOnlyMingoOptions()).find<Document>(comparables).sort(spec).all();
    return sorted.map((comparable) => originals.get(comparable) as Document);
  } catch (error) {
    throw translateMingoError(error);
  }
}
