import { MinKey, ObjectId } from 'mongodb';

/** A command as an operator types it into mongosh (`ObjectId('…')`, `MinKey`), for a plan printed for review. */
export function mongoshLiteral(value: unknown): string {
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof MinKey) return 'MinKey';
  if (Array.isArray(value)) return `[${value.map(mongoshLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([field, inner]) => `${field}: ${mongoshLiteral(inner)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return JSON.stringify(value);
}
