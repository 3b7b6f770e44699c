import type { Document } from 'bson';
import { writeConflict } from '../commands/command-error';
import type { Collection } from '../storage/collection';
import type { CollectionSnapshot } from '../storage/collection-snapshot';
import { idKeyOf } from '../storage/document-id';
import type { DocumentSet, IndexOverlay } from '../storage/document-set';
import type { LockOwner, WriteLockTable } from './write-lock-table';

/**
 * A transaction's view of one collection: a snapshot taken when the transaction first touched it, with
 * the transaction's own changes laid over it (snapshot isolation, as in MongoDB). Writing a document that
 * changed since the snapshot, or that another open transaction wrote, is a WriteConflict. Unique keys
 * the transaction writes are reserved in the lock table and tracked in a local map, so checks stay hash
 * lookups.
 */
export class TransactionCollectionView implements DocumentSet {
  /** idKey → new document, or null when the transaction deleted it. */
  readonly changes = new Map<string, Document | null>();
  private readonly snapshot: CollectionSnapshot;
  /** index name → canonical key → idKey, for keys of documents in `changes`. */
  private readonly localKeys = new Map<string, Map<string, string>>();

  constructor(
    readonly collection: Collection,
    private readonly owner: LockOwner,
    private readonly locks: WriteLockTable,
  ) {
    this.snapshot = collection.openSnapshot();
  }

  get(idKey: string): Document | undefined {
    if (this.changes.has(idKey)) return this.changes.get(idKey) ?? undefined;
    return this.snapshot.get(idKey);
  }

  *documents(): Iterable<Document> {
    for (const [idKey, document] of this.snapshot.entries()) {
      if (!this.changes.has(idKey)) yield document;
      else {
        const changed = this.changes.get(idKey);
        if (changed) yield changed;
      }
    }
    for (const [idKey, document] of this.changes) {
      if (document !== null && this.snapshot.get(idKey) === undefined) yield document;
    }
  }

  /**
   * Ranks follow documents(): committed documents visible in the snapshot by sequence, then those deleted
   * since the snapshot, then the transaction's own inserts (offsets keep the three groups apart).
   */
  indexOverlay(): IndexOverlay | undefined {
    if (this.changes.size === 0 && this.snapshot.changedIds()[Symbol.iterator]().next().done === true) {
      return undefined;
    }
    const idKeys = new Set<string>([...this.snapshot.changedIds(), ...this.changes.keys()]);
    const deletedRanks = new Map<string, number>();
    for (const idKey of this.snapshot.changedIds()) {
      if (this.collection.get(idKey) === undefined) deletedRanks.set(idKey, deletedRanks.size);
    }
    const insertedRanks = new Map<string, number>();
    for (const idKey of this.changes.keys()) insertedRanks.set(idKey, insertedRanks.size);
    const groupOffset = Number.MAX_SAFE_INTEGER / 4;
    return {
      idKeys,
      naturalRank: (idKey) => {
        if (this.snapshot.get(idKey) === undefined) return 2 * groupOffset + (insertedRanks.get(idKey) ?? 0);
        const deleted = deletedRanks.get(idKey);
        if (deleted !== undefined) return groupOffset + deleted;
        return this.collection.sequenceOf(idKey) ?? 0;
      },
    };
  }

  assertWritable(): void {
    // Transactions never wait: conflicts are reported by claim() as WriteConflict.
  }

  insert(document: Document): void {
    const idKey = idKeyOf(document);
    this.claim(idKey);
    if (this.get(idKey) !== undefined) throw this.collection.duplicateId(document);
    this.assertUniqueAvailable(document, idKey);
    this.record(idKey, document);
  }

  replace(idKey: string, document: Document): void {
    this.claim(idKey);
    this.assertUniqueAvailable(document, idKey);
    this.record(idKey, document);
  }

  remove(idKey: string): void {
    this.claim(idKey);
    this.record(idKey, null);
  }

  /** Throws WriteConflict when a written document changed in committed state since the snapshot. */
  assertUnchangedUnderneath(): void {
    for (const idKey of this.changes.keys()) {
      if (this.snapshot.changedSince(idKey)) throw writeConflict();
    }
  }

  close(): void {
    this.snapshot.close();
  }

  private claim(idKey: string): void {
    this.locks.lockDocument(this.collection, idKey, this.owner);
    if (this.snapshot.changedSince(idKey)) throw writeConflict();
  }

  private assertUniqueAvailable(document: Document, idKey: string): void {
    for (const index of this.collection.uniqueIndexList()) {
      const local = this.localKeys.get(index.definition.name);
      for (const entry of index.entriesOf(document)) {
        const localOwner = local?.get(entry.key);
        if (localOwner !== undefined && localOwner !== idKey) throw index.duplicate(entry);
        const committedOwner = index.ownerOf(entry.key);
        if (committedOwner !== undefined && committedOwner !== idKey && !this.changes.has(committedOwner)) {
          throw index.duplicate(entry);
        }
        this.locks.reserveKey(index, entry.key, this.owner);
      }
    }
  }

  private record(idKey: string, document: Document | null): void {
    const previous = this.changes.get(idKey);
    for (const index of this.collection.uniqueIndexList()) {
      let local = this.localKeys.get(index.definition.name);
      if (local === undefined) {
        local = new Map();
        this.localKeys.set(index.definition.name, local);
      }
      if (previous) {
        for (const entry of index.entriesOf(previous))
          if (local.get(entry.key) === idKey) local.delete(entry.key);
      }
      if (document) for (const entry of index.entriesOf(document)) local.set(entry.key, idKey);
    }
    this.changes.set(idKey, document);
  }
}
