import { Double, Long, type Document } from 'bson';
import type { CommandContext } from './command-context';
import { CommandError } from './command-error';

/** The collection a command targets: the value of its first field, e.g. `{ find: 'payments' }`. */
export function targetCollection(context: CommandContext): string {
  const name = context.command[context.commandName];
  if (typeof name !== 'string' || name === '') {
    throw new CommandError('InvalidNamespace', `collection name has invalid type ${typeof name}`);
  }
  return name;
}

export function namespaceOf(context: CommandContext, collection: string): string {
  return `${context.databaseName}.${collection}`;
}

export function optionalDocument(source: Document, field: string): Document | undefined {
  const value = source[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${field}' is the wrong type '${typeof value}', expected type 'object'`,
    );
  }
  return value as Document;
}

export function optionalNumber(source: Document, field: string): number | undefined {
  const value = source[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (value instanceof Long || value instanceof Double) return Number(value);
  throw new CommandError('TypeMismatch', `BSON field '${field}' is the wrong type, expected a number`);
}

/** A command's or statement's `hint`: an index name or key pattern. */
export function optionalHint(source: Document, field = 'hint'): string | Document | undefined {
  const value = source[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  return optionalDocument(source, field);
}

export function documentArray(source: Document, field: string): Document[] {
  const value = source[field];
  if (!Array.isArray(value)) throw new CommandError('TypeMismatch', `BSON field '${field}' must be an array`);
  return value as Document[];
}

/** Fields any command may carry besides its own (sessions, transactions, write concern, API version). */
export const GENERIC_COMMAND_FIELDS: ReadonlySet<string> = new Set([
  '$db',
  'lsid',
  'txnNumber',
  'autocommit',
  'startTransaction',
  'writeConcern',
  'readConcern',
  'comment',
  'maxTimeMS',
  '$clusterTime',
  '$readPreference',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
]);
