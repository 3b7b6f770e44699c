import type { Document } from 'bson';
import type { Collection } from './collection';
import type { IndexDefinition } from './index-definition';
import type { ViewDefinition } from './view-catalog';

/**
 * Told of every committed change, before it is applied (so a listener that fails, such as a journal that
 * cannot write, fails the change). `beginGroup`/`endGroup` bracket changes that must survive a crash
 * together or not at all: a transaction's commit.
 */
export interface StorageChangeListener {
  collectionCreated(collection: Collection): void;
  /** A collection's options replaced (collMod: validator, validationLevel, validationAction). */
  collectionOptionsChanged(collection: Collection, options: Document): void;
  /** Also told when a view is dropped. */
  collectionDropped(databaseName: string, name: string): void;
  /** A view created, or redefined by collMod. */
  viewDefined(databaseName: string, name: string, definition: ViewDefinition): void;
  databaseDropped(databaseName: string): void;
  indexCreated(collection: Collection, definition: IndexDefinition): void;
  indexDropped(collection: Collection, name: string): void;
  documentStored(collection: Collection, document: Document): void;
  documentRemoved(collection: Collection, id: unknown): void;
  beginGroup(): void;
  endGroup(): void;
}
