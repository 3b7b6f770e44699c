import { writeConflict } from '../commands/command-error';
import type { Collection } from '../storage/collection';
import type { UniqueIndex } from '../storage/unique-index';

/** A transaction, as far as locking is concerned: it settles `completion` when it commits or aborts. */
export interface LockOwner {
  readonly completion: Promise<void>;
}

/**
 * Thrown by a write outside any transaction that touches a document (or unique key) an open transaction
 * has written. The dispatcher waits for `until` and resumes the command, as mongod makes such writes wait.
 */
export class WaitForLockError extends Error {
  constructor(readonly until: Promise<void>) {
    super('waiting for a transaction to finish');
  }
}

/**
 * Documents and unique keys written by open transactions. Another transaction touching them fails at
 * once with WriteConflict (first writer wins, as in MongoDB); a write outside transactions waits.
 */
export class WriteLockTable {
  private readonly documents = new WeakMap<Collection, Map<string, LockOwner>>();
  private readonly keys = new WeakMap<UniqueIndex, Map<string, LockOwner>>();
  private readonly releases = new Map<LockOwner, Array<() => void>>();

  lockDocument(collection: Collection, idKey: string, owner: LockOwner): void {
    this.take(this.tableOf(this.documents, collection), idKey, owner);
  }

  reserveKey(index: UniqueIndex, key: string, owner: LockOwner): void {
    this.take(this.tableOf(this.keys, index), key, owner);
  }

  /** Throws WaitForLockError when a transaction holds the document or one of the new unique keys. */
  assertFree(
    collection: Collection,
    idKey: string,
    newDocument: Parameters<UniqueIndex['entriesOf']>[0] | undefined,
  ): void {
    const holder = this.documents.get(collection)?.get(idKey);
    if (holder !== undefined) throw new WaitForLockError(holder.completion);
    if (newDocument === undefined) return;
    for (const index of collection.uniqueIndexList()) {
      const reserved = this.keys.get(index);
      if (reserved === undefined || reserved.size === 0) continue;
      for (const entry of index.entriesOf(newDocument)) {
        const keyHolder = reserved.get(entry.key);
        if (keyHolder !== undefined) throw new WaitForLockError(keyHolder.completion);
      }
    }
  }

  releaseAll(owner: LockOwner): void {
    for (const release of this.releases.get(owner) ?? []) release();
    this.releases.delete(owner);
  }

  private take(table: Map<string, LockOwner>, key: string, owner: LockOwner): void {
    const holder = table.get(key);
    if (holder === owner) return;
    if (holder !== undefined) throw writeConflict();
    table.set(key, owner);
    let releases = this.releases.get(owner);
    if (releases === undefined) {
      releases = [];
      this.releases.set(owner, releases);
    }
    releases.push(() => {
      if (table.get(key) === owner) table.delete(key);
    });
  }

  private tableOf<K extends object>(
    tables: WeakMap<K, Map<string, LockOwner>>,
    owner: K,
  ): Map<string, LockOwner> {
    let table = tables.get(owner);
    if (table === undefined) {
      table = new Map();
      tables.set(owner, table);
    }
    return table;
  }
}
