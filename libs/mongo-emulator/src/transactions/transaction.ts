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
    const collection = this.engine.collection(databaseName, name);
    return collection === undefined ? undefined : this.viewOf(collection);
  }

  collectionForWrite(databaseName: string, name: string): DocumentSet {
    return this.viewOf(this.engine.collectionForWrite(databaseName, name));
  }

  commit(): void {
    if (this.currentState === 'committed') return;
    if (this.currentState === 'aborted') throw noSuchTransaction(this.txnNumber, 'has been aborted');
    try {
      for (const view of this.views.values()) {
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
      for (const view of this.views.values()) {
        if (view.changes.size > 0) view.collection.applyChanges(view.changes);
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
