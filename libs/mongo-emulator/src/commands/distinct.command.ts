import type { Document } from 'bson';
import { optionalDocument, optionalHint, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { aggregateDocuments } from './aggregate.command';
import { CommandError } from './command-error';
import { canonicalKey } from '../storage/canonical-key';
import { bsonEquals } from '../query/bson-order';
import { collatedStringComparison } from '../query/collation';
import { selectDocuments } from '../query/document-selection';
import { indexedValuesAtPath } from '../query/field-path';

/** Distinct values of a field; array values contribute their elements, as in MongoDB. */
function distinct(context: CommandContext): Document {
  const key = context.command['key'];
  if (typeof key !== 'string') throw new CommandError('TypeMismatch', "BSON field 'key' must be a string");
  const name = targetCollection(context);
  const target = context.scope.collection(context.databaseName, name);
  const query = optionalDocument(context.command, 'query');
  // A view is read through its aggregation, as mongod rewrites it; no view, no values.
  const documents =
    target !== undefined
      ? selectDocuments(target, query, { hint: optionalHint(context.command) })
      : context.engine.view(context.databaseName, name) !== undefined
        ? aggregateDocuments(context, name, [{ $match: query ?? {} }], undefined)
        : [];
  const values = new Map<string, unknown>();
  for (const document of documents) {
    for (const value of indexedValuesAtPath(document, key)) {
      if (value !== undefined) values.set(canonicalKey(value), value);
    }
  }
  // Under a collation, values it finds equal ("PING", "ping" at strength 2) count once: the first seen.
  if (collatedStringComparison() === undefined) return { values: [...values.values()] };
  const distinctValues: unknown[] = [];
  for (const value of values.values()) {
    if (!distinctValues.some((kept) => bsonEquals(kept, value))) distinctValues.push(value);
  }
  return { values: distinctValues };
}

export const distinctCommands: CommandTable = { distinct };
