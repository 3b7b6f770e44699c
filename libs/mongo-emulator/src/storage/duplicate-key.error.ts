import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';

/** E11000, with the message format and keyPattern/keyValue fields that drivers and Mongoose parse. */
export class DuplicateKeyError extends CommandError {
  constructor(namespace: string, indexName: string, keyPattern: Document, keyValue: Document) {
    const shown = Object.entries(keyValue)
      .map(([field, value]) => `${field}: ${formatKeyValue(value)}`)
      .join(', ');
    super(
      'DuplicateKey',
      `E11000 duplicate key error collection: ${namespace} index: ${indexName} dup key: { ${shown} }`,
      {
        details: { keyPattern, keyValue },
      },
    );
  }
}

function formatKeyValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  const bsonType = (value as { _bsontype?: unknown })._bsontype;
  if (bsonType === 'ObjectId') return `ObjectId('${String(value)}')`;
  if (bsonType === 'Decimal128') return `Decimal128("${String(value)}")`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
