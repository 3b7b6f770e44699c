import { CommandError } from '../commands/command-error';
import { isPlainObject } from '../query/filter-matcher';

/**
 * mongod's storage check of a new document's `_id` (storage_validation.cpp, storageValidIdField): a
 * document `_id` may not hold a field name starting with `$` at any depth, even though such names are
 * allowed elsewhere in a document since 5.0. A DBRef (`$ref`, `$id`, `$db`) arrives decoded as a DBRef
 * value, not as a plain document, and is accepted, as mongod accepts it.
 */
export function assertValidIdField(id: unknown): void {
  const field = dollarPrefixedFieldIn(id);
  if (field !== undefined) {
    throw new CommandError(
      'DollarPrefixedFieldName',
      `_id fields may not contain '$'-prefixed fields: ${field} is not valid for storage.`,
    );
  }
}

function dollarPrefixedFieldIn(value: unknown): string | undefined {
  const children = Array.isArray(value)
    ? value.map((element): [string, unknown] => ['', element])
    : isPlainObject(value)
      ? Object.entries(value)
      : [];
  for (const [name, child] of children) {
    if (name.startsWith('$')) return name;
    const nested = dollarPrefixedFieldIn(child);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
