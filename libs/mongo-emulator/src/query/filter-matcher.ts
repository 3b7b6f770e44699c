import type { Document } from 'bson';
import { Query } from 'mingo';
import { CommandError } from '../commands/command-error';
import { comparableDocument, toComparable } from './comparable-value';
import { readOnlyMingoOptions, translateMingoError } from './mingo-options';

export type DocumentPredicate = (document: Document) => boolean;

/** Compiles a query filter once; the predicate compares BSON numbers by value (see comparable-value.ts). */
export function compileFilter(filter: Document | undefined): DocumentPredicate {
  if (filter === undefined || Object.keys(filter).length === 0) return () => true;
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new CommandError('TypeMismatch', 'filter must be an object');
  }
  let query: Query;
  try {
    query = new Query(toComparable(filter) as Document, readOnlyMingoOptions());
  } catch (error) {
    throw translateMingoError(error);
  }
  return (document) => {
    try {
      return query.test(comparableDocument(document));
    } catch (error) {
      throw translateMingoError(error);
    }
  };
}
