import { UUID, type Document } from 'bson';
import { CommandError } from '../commands/command-error';
import type { WriteLockTable } from '../transactions/write-lock-table';
import { CollectionSnapshot } from './collection-snapshot';
import { idKeyOf } from './document-id';
import type { DocumentSet } from './document-set';
import { DuplicateKeyError } from './duplicate-key.error';
import { ID_INDEX, ID_INDEX_NAME, type IndexDefinition } from './index-definition';
import { OrderedIndex } from './ordered-index';
import type { StorageChangeListener } from './storage-change-listener';
import { UniqueIndex } from './unique-index';

/**
 * The committed documents of one collection: an insertion-ordered map from `_id` key to document (point
 * lookups without scanning), the unique indexes (hash maps, for duplicate checks) and every index kept
 * ordered (for the query planner). Each document has a natural-order sequence number, kept when it is
 * replaced, so index entries with equal values can be put in natural order. Writes through insert/replace/remove are writes
 * outside transactions: they wait (WaitForLockError) for transactions holding the document or key.
 * Open snapshots receive every document's previous version before it changes.
 */
export class Collection implements DocumentSet {
  readonly uuid = new UUID();
  private readonly byId = new Map<string, Document>();
  private readonly indexes: IndexDefinition[] = [ID_INDEX];
  private readonly uniqueIndexes = new Map<string, UniqueIndex>();
  private readonly orderedIndexes = new Map<string, OrderedIndex>([
    [ID_INDEX_NAME, new OrderedIndex(ID_INDEX)],
  ]);
  private readonly sequences = new Map<string, number>();
  private nextSequence = 0;
  private readonly snapshots = new Set<CollectionSnapshot>();
  /** Set by the engine when its changes are journaled. */
  changeListener: StorageChangeListener | undefined;

  constructor(
    readonly databaseName: string,
    readonly name: string,
    private readonly locks: WriteLockTable,
    private currentOptions: Document = {},
  ) {}

  /** The options it was created with, as collMod left them. */
  get options(): Document {
    return this.currentOptions;
  }

  /** collMod: the new options replace the old ones whole. */
  replaceOptions(options: Document): void {
    this.changeListener?.collectionOptionsChanged(this, options);
    this.currentOptions = options;
  }

  get collection(): Collection {
    return this;
  }

  get namespace(): string {
    return `${this.databaseName}.${this.name}`;
  }

  get size(): number {
    return this.byId.size;
  }

  get(idKey: string): Document | undefined {
    return this.byId.get(idKey);
  }

  documents(): Iterable<Document> {
    return this.byId.values();
  }

  /** `[idKey, document]` pairs in natural (insertion) order. */
  entries(): Iterable<[string, Document]> {
    return this.byId.entries();
  }

  /** Natural-order position of a stored document: increasing with first insertion. */
  sequenceOf(idKey: string): number | undefined {
    return this.sequences.get(idKey);
  }

  orderedIndex(name: string): OrderedIndex | undefined {
    return this.orderedIndexes.get(name);
  }

  orderedIndexList(): Iterable<OrderedIndex> {
    return this.orderedIndexes.values();
  }

  indexOverlay(): undefined {
    return undefined;
  }

  openSnapshot(): CollectionSnapshot {
    const snapshot = new CollectionSnapshot(this, (closed) => this.snapshots.delete(closed));
    this.snapshots.add(snapshot);
    return snapshot;
  }

  assertWritable(idKey: string, newDocument?: Document): void {
    this.locks.assertFree(this, idKey, newDocument);
  }

  insert(document: Document): void {
    const idKey = idKeyOf(document);
    this.assertWritable(idKey, document);
    if (this.byId.has(idKey)) throw this.duplicateId(document);
    this.assertUniqueAvailable(document, idKey);
    this.store(idKey, document);
  }

  replace(idKey: string, document: Document): void {
    if (!this.byId.has(idKey))
      throw new CommandError('IllegalOperation', `no document with _id key ${idKey}`);
    this.assertWritable(idKey, document);
    this.assertUniqueAvailable(document, idKey);
    this.store(idKey, document);
  }

  remove(idKey: string): void {
    this.assertWritable(idKey);
    this.unstore(idKey);
  }

  /**
   * Applies a committed transaction's changes (document, or null for a delete) all or nothing: unique
   * keys are checked against documents outside the change set before anything is applied.
   */
  applyChanges(changes: ReadonlyMap<string, Document | null>): void {
    this.assertChangesApplicable(changes);
    // Index entries of every changed document go first, so a key moving between them is never refused.
    for (const [idKey] of changes) this.unindex(idKey);
    for (const [idKey, document] of changes) {
      if (document === null) this.unstore(idKey);
      else this.store(idKey, document);
    }
  }

  assertChangesApplicable(changes: ReadonlyMap<string, Document | null>): void {
    const changedIds = new Set(changes.keys());
    for (const [idKey, document] of changes) {
      if (document !== null) this.assertUniqueAvailable(document, idKey, changedIds);
    }
  }

  assertUniqueAvailable(document: Document, idKey: string, ignoredOwners?: ReadonlySet<string>): void {
    for (const index of this.uniqueIndexes.values()) index.assertAvailable(document, idKey, ignoredOwners);
  }

  duplicateId(document: Document): DuplicateKeyError {
    return new DuplicateKeyError(this.namespace, ID_INDEX_NAME, { _id: 1 }, { _id: document['_id'] });
  }

  uniqueIndexList(): Iterable<UniqueIndex> {
    return this.uniqueIndexes.values();
  }

  indexDefinitions(): readonly IndexDefinition[] {
    return this.indexes;
  }

  /** Adds an index; a unique one is built over the existing documents and refused on duplicates. */
  createIndex(definition: IndexDefinition): void {
    if (definition.unique) {
      const index = new UniqueIndex(definition, this.namespace);
      for (const [idKey, document] of this.byId) {
        for (const entry of index.entriesOf(document)) {
          const owner = index.ownerOf(entry.key);
          if (owner !== undefined && owner !== idKey) throw index.duplicate(entry);
        }
        index.add(document, idKey);
      }
      this.uniqueIndexes.set(definition.name, index);
    }
    if (OrderedIndex.supports(definition)) {
      const ordered = new OrderedIndex(definition);
      for (const [idKey, document] of this.byId) ordered.add(document, idKey, this.sequences.get(idKey) ?? 0);
      this.orderedIndexes.set(definition.name, ordered);
    }
    this.changeListener?.indexCreated(this, definition);
    this.indexes.push(definition);
  }

  dropIndex(name: string): void {
    const position = this.indexes.findIndex((index) => index.name === name);
    if (position < 0) throw new CommandError('IndexNotFound', `index not found with name [${name}]`);
    this.changeListener?.indexDropped(this, name);
    this.indexes.splice(position, 1);
    this.uniqueIndexes.delete(name);
    this.orderedIndexes.delete(name);
  }

  /** Inserts or replaces in place: a replaced document keeps its natural-order position, as in mongod. */
  private store(idKey: string, document: Document): void {
    this.changeListener?.documentStored(this, document);
    this.unindex(idKey);
    this.notifySnapshots(idKey);
    for (const index of this.uniqueIndexes.values()) index.add(document, idKey);
    let sequence = this.sequences.get(idKey);
    if (sequence === undefined) {
      sequence = this.nextSequence++;
      this.sequences.set(idKey, sequence);
    }
    for (const index of this.orderedIndexes.values()) index.add(document, idKey, sequence);
    this.byId.set(idKey, document);
  }

  private unstore(idKey: string): void {
    const previous = this.byId.get(idKey);
    if (previous === undefined) return;
    this.changeListener?.documentRemoved(this, previous['_id']);
    this.unindex(idKey);
    this.notifySnapshots(idKey);
    this.byId.delete(idKey);
    this.sequences.delete(idKey);
  }

  private unindex(idKey: string): void {
    const previous = this.byId.get(idKey);
    if (previous === undefined) return;
    for (const index of this.uniqueIndexes.values()) index.remove(previous, idKey);
    const sequence = this.sequences.get(idKey);
    if (sequence !== undefined)
      for (const index of this.orderedIndexes.values()) index.remove(previous, sequence);
  }

  private notifySnapshots(idKey: string): void {
    for (const snapshot of this.snapshots) snapshot.recordPreimage(idKey, this.byId.get(idKey));
  }
}
