import type { Document } from 'bson';
import { optionalDocument, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { canonicalKey } from '../storage/canonical-key';
import { selectDocuments } from '../query/document-selection';
import { indexedValuesAtPath } from '../query/field-path';

/** Distinct values of a field; array values contribute their elements, as in MongoDB. */
function distinct(context: CommandContext): Document {
  const key = context.command['key'];
  if (typeof key !== 'string') throw new CommandError('TypeMismatch', "BSON field 'key' must be a string");
  const target = context.scope.collection(context.databaseName, targetCollection(context));
  const values = new Map<string, unknown>();
  if (target !== undefined) {
    for (const document of selectDocuments(target, optionalDocument(context.command, 'query'))) {
      for (const value of indexedValuesAtPath(document, key)) {
        if (value !== undefined) values.set(canonicalKey(value), value);
      }
    }
  }
  return { values: [...values.values()] };
}

export const distinctCommands: CommandTable = { distinct };
