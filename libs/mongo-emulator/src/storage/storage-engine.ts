import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { WriteLockTable } from '../transactions/write-lock-table';
import { Collection } from './collection';
import type { DataScope } from './document-set';
import type { StorageChangeListener } from './storage-change-listener';
import { ViewCatalog, type ViewDefinition } from './view-catalog';

/** All databases of one emulator instance; also the committed-data scope for commands outside transactions. */
export class StorageEngine implements DataScope {
  private readonly databases = new Map<string, Map<string, Collection>>();
  private readonly views = new ViewCatalog();
  /** Documents and unique keys held by open transactions; consulted by every write. */
  readonly locks = new WriteLockTable();
  private changeListener: StorageChangeListener | undefined;

  /** From now on every committed change is told to the listener first (the journal of a durable engine). */
  observeChanges(listener: StorageChangeListener): void {
    this.changeListener = listener;
    for (const collection of this.allCollections()) collection.changeListener = listener;
  }

  /** Runs changes that a crash must not split, such as a transaction's commit. */
  atomically<T>(changes: () => T): T {
    this.changeListener?.beginGroup();
    try {
      return changes();
    } finally {
      this.changeListener?.endGroup();
    }
  }

  collection(databaseName: string, name: string): Collection | undefined {
    return this.databases.get(databaseName)?.get(name);
  }

  collectionForWrite(databaseName: string, name: string): Collection {
    const existing = this.collection(databaseName, name);
    if (existing !== undefined) return existing;
    this.assertNotView(databaseName, name);
    return this.createCollection(databaseName, name);
  }

  /** A collection not (yet) part of the engine: one a transaction creates, registered when it commits. */
  detachedCollection(databaseName: string, name: string, options: Document = {}): Collection {
    assertValidCollectionName(name);
    this.assertNotView(databaseName, name);
    return new Collection(databaseName, name, this.locks, options);
  }

  createCollection(databaseName: string, name: string, options: Document = {}): Collection {
    assertValidCollectionName(name);
    let database = this.databases.get(databaseName);
    if (database === undefined) {
      database = new Map();
      this.databases.set(databaseName, database);
    }
    const collection = new Collection(databaseName, name, this.locks, options);
    this.changeListener?.collectionCreated(collection);
    collection.changeListener = this.changeListener;
    database.set(name, collection);
    return collection;
  }

  view(databaseName: string, name: string): ViewDefinition | undefined {
    return this.views.get(databaseName, name);
  }

  /** Creates or redefines (collMod) a view; the caller has checked the name is free of collections. */
  defineView(databaseName: string, name: string, definition: ViewDefinition): void {
    assertValidCollectionName(name);
    this.changeListener?.viewDefined(databaseName, name, definition);
    this.views.define(databaseName, name, definition);
  }

  viewsOf(databaseName: string): Array<[string, ViewDefinition]> {
    return this.views.viewsOf(databaseName);
  }

  *allViews(): Iterable<{ databaseName: string; name: string; definition: ViewDefinition }> {
    for (const databaseName of this.views.databaseNames()) {
      for (const [name, definition] of this.views.viewsOf(databaseName))
        yield { databaseName, name, definition };
    }
  }

  /** mongod's answer to a write, an index or a collection option aimed at a view. */
  assertNotView(databaseName: string, name: string): void {
    if (this.views.get(databaseName, name) !== undefined) {
      throw new CommandError(
        'CommandNotSupportedOnView',
        `Namespace ${databaseName}.${name} is a view, not a collection`,
      );
    }
  }

  /** Drops the collection or view of that name. */
  dropCollection(databaseName: string, name: string): boolean {
    if (this.views.get(databaseName, name) !== undefined) {
      this.changeListener?.collectionDropped(databaseName, name);
      return this.views.drop(databaseName, name);
    }
    const database = this.databases.get(databaseName);
    if (database?.has(name) === true) this.changeListener?.collectionDropped(databaseName, name);
    const dropped = database?.delete(name) ?? false;
    if (database?.size === 0) this.databases.delete(databaseName);
    return dropped;
  }

  dropDatabase(databaseName: string): void {
    if (this.databases.has(databaseName) || this.views.viewsOf(databaseName).length > 0) {
      this.changeListener?.databaseDropped(databaseName);
    }
    this.databases.delete(databaseName);
    this.views.dropDatabase(databaseName);
  }

  collectionsOf(databaseName: string): Collection[] {
    return [...(this.databases.get(databaseName)?.values() ?? [])];
  }

  *allCollections(): Iterable<Collection> {
    for (const database of this.databases.values()) yield* database.values();
  }

  databaseNames(): string[] {
    return [...new Set([...this.databases.keys(), ...this.views.databaseNames()])];
  }
}

function assertValidCollectionName(name: string): void {
  if (name === '' || name.includes('\0') || name.startsWith('system.') || name.includes('$')) {
    throw new CommandError('InvalidNamespace', `Invalid collection name: ${name}`);
  }
}
