import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { canonicalKey } from '../storage/canonical-key';
import type { StorageEngine } from '../storage/storage-engine';
import { noSuchTransaction, Transaction } from './transaction';

interface SessionState {
  /** The lsid's `id` (a UUID), as the client sent it. */
  readonly id: unknown;
  /** When a command last named the session: mongod's session cache `lastUse`. */
  lastUse: Date;
  transaction?: Transaction;
}

/** A session in the server's local session cache, as `$listLocalSessions` reports it. */
export interface LocalSession {
  readonly id: unknown;
  readonly lastUse: Date;
}

/** mongod's `localLogicalSessionTimeoutMinutes`: a session idle this long is gone from the cache. */
export const LOGICAL_SESSION_TIMEOUT_MINUTES = 30;
const LOGICAL_SESSION_TIMEOUT_MS = LOGICAL_SESSION_TIMEOUT_MINUTES * 60_000;

/** mongod's default `transactionLifetimeLimitSeconds`. */
export const DEFAULT_TRANSACTION_LIFETIME_LIMIT_MS = 60_000;

/** Logical sessions (by lsid): when each was last used and the transaction it has open. */
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

  /** Every command that carries an lsid keeps its session in the cache, as mongod's vivify does. */
  recordUse(lsid: Document): void {
    this.sessionOf(lsid).lastUse = new Date();
  }

  /** The cached sessions; those idle longer than the session timeout are dropped first. */
  localSessions(): LocalSession[] {
    const oldestLastUse = Date.now() - LOGICAL_SESSION_TIMEOUT_MS;
    const sessions: LocalSession[] = [];
    for (const [key, session] of this.sessions) {
      if (session.lastUse.getTime() < oldestLastUse) {
        this.sessions.delete(key);
        continue;
      }
      sessions.push({ id: session.id, lastUse: session.lastUse });
    }
    return sessions;
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
      session = { id: lsid['id'], lastUse: new Date() };
      this.sessions.set(key, session);
    }
    return session;
  }
}

function sessionKey(lsid: Document): string {
  return canonicalKey(lsid['id']);
}
