import type { Document } from 'bson';
import { CommandError, writeConflict } from '../commands/command-error';
import type { Collection } from '../storage/collection';
import type { DataScope, DocumentSet } from '../storage/document-set';
import type { StorageEngine } from '../storage/storage-engine';
import { TransactionCollectionView } from './transaction-collection-view';
import type { LockOwner } from './write-lock-table';

export type TransactionState = 'active' | 'committed' | 'aborted';

/**
 * One multi-document transaction (a session's txnNumber with autocommit:false). Reads see committed data
 * plus the transaction's own writes; commit validates every view before applying any, so it is all or
 * nothing (JavaScript runs it without interleaving).
 */
export class Transaction implements DataScope, LockOwner {
  private readonly views = new Map<Collection, TransactionCollectionView>();
  /**
   * Collections this transaction created (by `create`, `createIndexes` or a first write), by namespace: only
   * it sees them until commit, and an abort leaves nothing behind, as in mongod.
   */
  private readonly createdCollections = new Map<string, Collection>();
  private currentState: TransactionState = 'active';
  readonly completion: Promise<void>;
  private settle: () => void = () => undefined;

  constructor(
    readonly txnNumber: number,
    private readonly engine: StorageEngine,
  ) {
    this.completion = new Promise((resolve) => (this.settle = resolve));
  }

  get state(): TransactionState {
    return this.currentState;
  }

  collection(databaseName: string, name: string): DocumentSet | undefined {
    const collection = this.collectionObject(databaseName, name);
    return collection === undefined ? undefined : this.viewOf(collection);
  }

  collectionForWrite(databaseName: string, name: string): DocumentSet {
    return this.viewOf(
      this.collectionObject(databaseName, name) ?? this.createCollection(databaseName, name),
    );
  }

  /** The committed collection, or one this transaction created. */
  collectionObject(databaseName: string, name: string): Collection | undefined {
    return (
      this.engine.collection(databaseName, name) ?? this.createdCollections.get(`${databaseName}.${name}`)
    );
  }

  /** A collection visible to this transaction only, registered in the engine when it commits. */
  createCollection(databaseName: string, name: string, options: Document = {}): Collection {
    const collection = this.engine.detachedCollection(databaseName, name, options);
    this.createdCollections.set(collection.namespace, collection);
    return collection;
  }

  /** Whether `collection` was created by this transaction (its indexes may then be built inside it). */
  created(collection: Collection): boolean {
    return this.createdCollections.get(collection.namespace) === collection;
  }

  commit(): void {
    if (this.currentState === 'committed') return;
    if (this.currentState === 'aborted') throw noSuchTransaction(this.txnNumber, 'has been aborted');
    try {
      for (const created of this.createdCollections.values()) {
        // Someone else created the namespace meanwhile.
        if (this.engine.collection(created.databaseName, created.name) !== undefined) throw writeConflict();
      }
      for (const view of this.views.values()) {
        if (this.created(view.collection)) continue;
        const current = this.engine.collection(view.collection.databaseName, view.collection.name);
        if (view.changes.size > 0 && current !== view.collection) throw writeConflict();
        view.assertUnchangedUnderneath();
        try {
          view.collection.assertChangesApplicable(view.changes);
        } catch (error) {
          // A write outside the transaction took a unique key meanwhile; retrying the transaction reports it.
          if (error instanceof CommandError && error.code === 11000) throw writeConflict();
          throw error;
        }
      }
    } catch (error) {
      this.abort();
      throw error;
    }
    this.engine.atomically(() => {
      const committed = new Map<Collection, Collection>();
      for (const created of this.createdCollections.values()) {
        const collection = this.engine.createCollection(created.databaseName, created.name, created.options);
        for (const index of created.indexDefinitions().slice(1)) collection.createIndex(index);
        committed.set(created, collection);
      }
      for (const view of this.views.values()) {
        const target = committed.get(view.collection) ?? view.collection;
        if (view.changes.size > 0) target.applyChanges(view.changes);
      }
    });
    this.finish('committed');
  }

  abort(): void {
    if (this.currentState === 'active') this.finish('aborted');
  }

  private finish(state: TransactionState): void {
    for (const view of this.views.values()) view.close();
    this.engine.locks.releaseAll(this);
    this.views.clear();
    this.createdCollections.clear();
    this.currentState = state;
    this.settle();
  }

  private viewOf(collection: Collection): TransactionCollectionView {
    let view = this.views.get(collection);
    if (view === undefined) {
      view = new TransactionCollectionView(collection, this, this.engine.locks);
      this.views.set(collection, view);
    }
    return view;
  }
}

export function noSuchTransaction(txnNumber: number, reason: string): CommandError {
  return new CommandError('NoSuchTransaction', `Transaction with { txnNumber: ${txnNumber} } ${reason}`, {
    labels: ['TransientTransactionError'],
  });
}
