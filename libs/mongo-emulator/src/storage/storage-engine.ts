import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { WriteLockTable } from '../transactions/write-lock-table';
import { Collection } from './collection';
import type { DataScope } from './document-set';

/** All databases of one emulator instance; also the committed-data scope for commands outside transactions. */
export class StorageEngine implements DataScope {
  private readonly databases = new Map<string, Map<string, Collection>>();
  /** Documents and unique keys held by open transactions; consulted by every write. */
  readonly locks = new WriteLockTable();

  collection(databaseName: string, name: string): Collection | undefined {
    return this.databases.get(databaseName)?.get(name);
  }

  collectionForWrite(databaseName: string, name: string): Collection {
    return this.collection(databaseName, name) ?? this.createCollection(databaseName, name);
  }

  createCollection(databaseName: string, name: string, options: Document = {}): Collection {
    assertValidCollectionName(name);
    let database = this.databases.get(databaseName);
    if (database === undefined) {
      database = new Map();
      this.databases.set(databaseName, database);
    }
    const collection = new Collection(databaseName, name, this.locks, options);
    database.set(name, collection);
    return collection;
  }

  dropCollection(databaseName: string, name: string): boolean {
    const database = this.databases.get(databaseName);
    const dropped = database?.delete(name) ?? false;
    if (database?.size === 0) this.databases.delete(databaseName);
    return dropped;
  }

  dropDatabase(databaseName: string): void {
    this.databases.delete(databaseName);
  }

  collectionsOf(databaseName: string): Collection[] {
    return [...(this.databases.get(databaseName)?.values() ?? [])];
  }

  *allCollections(): Iterable<Collection> {
    for (const database of this.databases.values()) yield* database.values();
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }
}

function assertValidCollectionName(name: string): void {
  if (name === '' || name.includes('\0') || name.startsWith('system.') || name.includes('$')) {
    throw new CommandError('InvalidNamespace', `Invalid collection name: ${name}`);
  }
}
