import type { Document } from 'bson';
import type { Collection } from './collection';

/**
 * The documents of one collection as a command sees them: the committed collection itself, or a
 * transaction's copy-on-write view of it. Stored documents are immutable; a write always hands over a
 * new object that the caller no longer touches.
 */
export interface DocumentSet {
  readonly collection: Collection;
  get(idKey: string): Document | undefined;
  documents(): Iterable<Document>;
  /**
   * Call before the first change of a statement that changes several documents, so the statement is
   * not half applied when it has to wait for a transaction (outside transactions: WaitForLockError).
   */
  assertWritable(idKey: string, newDocument?: Document): void;
  /**
   * Where this set departs from the committed collection's indexes: undefined for the collection itself;
   * for a transaction's view, the documents it sees differently (its own writes, and documents others
   * committed since its snapshot), which the planner examines one by one instead of through the indexes.
   */
  indexOverlay(): IndexOverlay | undefined;
  insert(document: Document): void;
  replace(idKey: string, document: Document): void;
  remove(idKey: string): void;
}

export interface IndexOverlay {
  readonly idKeys: ReadonlySet<string>;
  /**
   * Position in this set's natural order (the order documents() yields), comparable across all documents:
   * for documents the overlay does not hold it is the committed sequence number.
   */
  naturalRank(idKey: string): number;
}

/** Where commands find collections: committed state, or a transaction's view of it. */
export interface DataScope {
  collection(databaseName: string, name: string): DocumentSet | undefined;
  /** Writes create a missing collection, as in MongoDB. */
  collectionForWrite(databaseName: string, name: string): DocumentSet;
}
