import type { Document } from 'bson';
import type { DocumentPredicate } from '../query/filter-matcher';
import { compileFilter } from '../query/filter-matcher';
import { indexedValuesAtPath } from '../query/field-path';
import { canonicalKey } from './canonical-key';
import { DuplicateKeyError } from './duplicate-key.error';
import type { IndexDefinition } from './index-definition';

export interface IndexEntry {
  readonly key: string;
  readonly keyValue: Document;
}

/**
 * A unique index as a hash map from canonical key to the owning document's `_id` key, so a duplicate
 * check costs one lookup per key whatever the collection size. Handles compound keys (cartesian product
 * over multikey fields), sparse indexes (documents missing every indexed field are left out) and partial
 * indexes (documents not matching partialFilterExpression are left out).
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();
  private readonly fields: string[];
  private readonly partialFilter: DocumentPredicate | undefined;

  constructor(
    readonly definition: IndexDefinition,
    private readonly namespace: string,
  ) {
    this.fields = Object.keys(definition.key);
    this.partialFilter =
      definition.partialFilterExpression !== undefined
        ? compileFilter(definition.partialFilterExpression)
        : undefined;
  }

  /** The index entries of a document, or none when sparse/partial rules leave it out. */
  entriesOf(document: Document): IndexEntry[] {
    if (this.partialFilter !== undefined && !this.partialFilter(document)) return [];
    const valuesPerField = this.fields.map((field) => indexedValuesAtPath(document, field));
    if (
      this.definition.sparse &&
      valuesPerField.every((values) => values.every((value) => value === undefined))
    ) {
      return [];
    }
    let combinations: unknown[][] = [[]];
    for (const values of valuesPerField) {
      combinations = combinations.flatMap((prefix) => values.map((value) => [...prefix, value]));
    }
    const entries = new Map<string, IndexEntry>();
    for (const combination of combinations) {
      const key = combination.map(canonicalKey).join('|');
      const keyValue: Document = {};
      this.fields.forEach((field, position) => (keyValue[field] = combination[position] ?? null));
      entries.set(key, { key, keyValue });
    }
    return [...entries.values()];
  }

  ownerOf(key: string): string | undefined {
    return this.owners.get(key);
  }

  /** Throws E11000 when an entry of the document belongs to another document not in `ignoredOwners`. */
  assertAvailable(document: Document, idKey: string, ignoredOwners?: ReadonlySet<string>): void {
    for (const entry of this.entriesOf(document)) {
      const owner = this.owners.get(entry.key);
      if (owner !== undefined && owner !== idKey && ignoredOwners?.has(owner) !== true) {
        throw this.duplicate(entry);
      }
    }
  }

  duplicate(entry: IndexEntry): DuplicateKeyError {
    return new DuplicateKeyError(this.namespace, this.definition.name, this.definition.key, entry.keyValue);
  }

  add(document: Document, idKey: string): void {
    for (const entry of this.entriesOf(document)) this.owners.set(entry.key, idKey);
  }

  remove(document: Document, idKey: string): void {
    for (const entry of this.entriesOf(document)) {
      if (this.owners.get(entry.key) === idKey) this.owners.delete(entry.key);
    }
  }
}
