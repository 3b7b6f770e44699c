import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { canonicalKey } from '../storage/canonical-key';
import type { StorageEngine } from '../storage/storage-engine';
import { noSuchTransaction, Transaction } from './transaction';

interface SessionState {
  transaction?: Transaction;
}

/** mongod's default `transactionLifetimeLimitSeconds`. */
export const DEFAULT_TRANSACTION_LIFETIME_LIMIT_MS = 60_000;

/** Logical sessions (by lsid) and the transaction each one has open. */
export class SessionRegistry {
  private readonly sessions = new Map<string, SessionState>();

  constructor(
    private readonly engine: StorageEngine,
    private readonly transactionLifetimeLimitMs: number,
  ) {}

  /**
   * The transaction a command with autocommit:false belongs to. `startTransaction` opens a new one
   * (abandoning an older open one, as MongoDB does when a higher txnNumber arrives); otherwise the
   * session's open transaction must have this txnNumber.
   */
  transactionFor(
    lsid: Document,
    txnNumber: number,
    startTransaction: boolean,
    commandName: string,
  ): Transaction {
    const session = this.sessionOf(lsid);
    const current = session.transaction;
    if (startTransaction) {
      if (current !== undefined && current.txnNumber >= txnNumber) {
        throw new CommandError('BadValue', `Transaction number ${txnNumber} has already been used`);
      }
      current?.abort();
      const transaction = new Transaction(txnNumber, this.engine);
      session.transaction = transaction;
      this.abortWhenExpired(transaction);
      return transaction;
    }
    if (current === undefined || current.txnNumber !== txnNumber) {
      throw noSuchTransaction(txnNumber, 'does not match any in-progress transactions');
    }
    if (current.state === 'aborted' && commandName !== 'abortTransaction') {
      throw noSuchTransaction(txnNumber, 'has been aborted');
    }
    if (current.state === 'committed' && commandName !== 'commitTransaction') {
      throw new CommandError('TransactionCommitted', `Transaction ${txnNumber} has been committed.`);
    }
    return current;
  }

  endSession(lsid: Document): void {
    const key = sessionKey(lsid);
    this.sessions.get(key)?.transaction?.abort();
    this.sessions.delete(key);
  }

  /**
   * Aborts the transaction if it is still open when its lifetime runs out, as mongod does: a client that
   * died mid-transaction never ends it, and its write locks would otherwise block every later writer.
   */
  private abortWhenExpired(transaction: Transaction): void {
    const timer = setTimeout(() => transaction.abort(), this.transactionLifetimeLimitMs);
    timer.unref();
    void transaction.completion.then(() => clearTimeout(timer));
  }

  private sessionOf(lsid: Document): SessionState {
    const key = sessionKey(lsid);
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = {};
      this.sessions.set(key, session);
    }
    return session;
  }
}

function sessionKey(lsid: Document): string {
  return canonicalKey(lsid['id']);
}
