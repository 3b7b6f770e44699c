import type { Document } from 'bson';
import { closeSync, fdatasyncSync, fstatSync, openSync, writeSync } from 'node:fs';
import type { Collection } from '../storage/collection';
import type { IndexDefinition } from '../storage/index-definition';
import type { StorageChangeListener } from '../storage/storage-change-listener';
import type { ViewDefinition } from '../storage/view-catalog';
import { encodeRecord } from './data-record.codec';
import type { JournalOperation } from './journal-operation';

/**
 * The append-only journal: every committed change is written (write(2), synchronously) before it is applied
 * and so before its command is answered; an acknowledged write therefore survives the engine process being
 * killed. Reaching the disk itself (fdatasync) is grouped every `syncIntervalMs`, like mongod's journal
 * commit interval: a power loss or OS crash may lose that last interval, never a record in the middle.
 */
export class JournalWriter implements StorageChangeListener {
  private readonly fd: number;
  private group: JournalOperation[] | undefined;
  private groupDepth = 0;
  private unsynced = false;
  private bytes = 0;
  private readonly syncTimer: NodeJS.Timeout;

  constructor(
    readonly file: string,
    syncIntervalMs: number,
  ) {
    this.fd = openSync(file, 'a');
    this.bytes = fstatSync(this.fd).size;
    this.syncTimer = setInterval(() => this.sync(), syncIntervalMs);
    this.syncTimer.unref();
  }

  /** The journal's length: what a snapshot would make unnecessary to replay. */
  get size(): number {
    return this.bytes;
  }

  collectionCreated(collection: Collection): void {
    this.record({
      op: 'createCollection',
      db: collection.databaseName,
      coll: collection.name,
      options: collection.options,
    });
  }

  collectionDropped(databaseName: string, name: string): void {
    this.record({ op: 'dropCollection', db: databaseName, coll: name });
  }

  collectionOptionsChanged(collection: Collection, options: Document): void {
    this.record({ op: 'setCollectionOptions', db: collection.databaseName, coll: collection.name, options });
  }

  viewDefined(databaseName: string, name: string, definition: ViewDefinition): void {
    this.record({
      op: 'defineView',
      db: databaseName,
      coll: name,
      viewOn: definition.viewOn,
      pipeline: [...definition.pipeline],
    });
  }

  databaseDropped(databaseName: string): void {
    this.record({ op: 'dropDatabase', db: databaseName });
  }

  indexCreated(collection: Collection, definition: IndexDefinition): void {
    this.record({
      op: 'createIndex',
      db: collection.databaseName,
      coll: collection.name,
      spec: definition.spec,
    });
  }

  indexDropped(collection: Collection, name: string): void {
    this.record({ op: 'dropIndex', db: collection.databaseName, coll: collection.name, index: name });
  }

  documentStored(collection: Collection, document: Document): void {
    this.record({ op: 'put', db: collection.databaseName, coll: collection.name, doc: document });
  }

  documentRemoved(collection: Collection, id: unknown): void {
    this.record({ op: 'delete', db: collection.databaseName, coll: collection.name, id });
  }

  beginGroup(): void {
    if (this.groupDepth++ === 0) this.group = [];
  }

  /** A group is one record: after a crash it is replayed whole or (torn) not at all. */
  endGroup(): void {
    if (--this.groupDepth > 0) return;
    const operations = this.group ?? [];
    this.group = undefined;
    if (operations.length > 0) this.append(operations);
  }

  sync(): void {
    if (!this.unsynced) return;
    fdatasyncSync(this.fd);
    this.unsynced = false;
  }

  close(): void {
    clearInterval(this.syncTimer);
    this.sync();
    closeSync(this.fd);
  }

  private record(operation: JournalOperation): void {
    if (this.group !== undefined) this.group.push(operation);
    else this.append([operation]);
  }

  private append(operations: JournalOperation[]): void {
    const record = encodeRecord({ ops: operations });
    let written = 0;
    while (written < record.length) written += writeSync(this.fd, record, written);
    this.bytes += record.length;
    this.unsynced = true;
  }
}
