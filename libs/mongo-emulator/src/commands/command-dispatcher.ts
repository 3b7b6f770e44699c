import type { Document } from 'bson';
import type { CursorRegistry } from '../cursors/cursor-registry';
import type { StorageEngine } from '../storage/storage-engine';
import type { SessionRegistry } from '../transactions/session-registry';
import type { Transaction } from '../transactions/transaction';
import { WaitForLockError } from '../transactions/write-lock-table';
import type { CommandContext, ServerIdentity } from './command-context';
import { CommandError } from './command-error';
import { COMMAND_REGISTRY } from './command-registry';

const TRANSACTION_END_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);

/**
 * Runs one decoded command: finds the handler, binds it to the session's transaction when the command
 * carries `autocommit: false`, and turns every failure into a MongoDB error reply. Handlers run
 * synchronously, so each command (and each commit) runs without interleaving with other connections.
 */
export class CommandDispatcher {
  constructor(
    private readonly engine: StorageEngine,
    private readonly sessions: SessionRegistry,
    private readonly cursors: CursorRegistry,
    private readonly server: ServerIdentity,
  ) {}

  /**
   * A write outside transactions that meets a document or key an open transaction holds waits for that
   * transaction and then resumes; `context.progress` carries what the command already did.
   */
  async execute(command: Document, connectionId: number, defaultDatabase = 'admin'): Promise<Document> {
    const progress: Document = {};
    for (;;) {
      const outcome = this.attempt(command, connectionId, defaultDatabase, progress);
      if (!(outcome instanceof WaitForLockError)) return outcome;
      await outcome.until;
    }
  }

  private attempt(
    command: Document,
    connectionId: number,
    defaultDatabase: string,
    progress: Document,
  ): Document | WaitForLockError {
    const commandName = Object.keys(command)[0] ?? '';
    let transaction: Transaction | undefined;
    try {
      const handler = COMMAND_REGISTRY.get(commandName);
      if (handler === undefined)
        throw new CommandError('CommandNotFound', `no such command: '${commandName}'`);
      transaction = this.transactionOf(command, commandName);
      const context: CommandContext = {
        command,
        commandName,
        databaseName: typeof command['$db'] === 'string' ? command['$db'] : defaultDatabase,
        connectionId,
        scope: transaction ?? this.engine,
        transaction,
        engine: this.engine,
        cursors: this.cursors,
        sessions: this.sessions,
        server: this.server,
        progress,
      };
      const reply = handler(context);
      // MongoDB aborts a transaction whose write failed; the next command then gets NoSuchTransaction.
      if (transaction !== undefined && Array.isArray(reply['writeErrors'])) transaction.abort();
      return { ...reply, ok: 1 };
    } catch (error) {
      if (error instanceof WaitForLockError) return error;
      if (transaction !== undefined && !TRANSACTION_END_COMMANDS.has(commandName)) transaction.abort();
      if (error instanceof CommandError) return error.toReply();
      const message = error instanceof Error ? error.message : String(error);
      return { ok: 0, errmsg: `internal emulator error: ${message}`, code: 1, codeName: 'InternalError' };
    }
  }

  /** A txnNumber without autocommit:false is a retryable write, not a transaction: it just runs. */
  private transactionOf(command: Document, commandName: string): Transaction | undefined {
    if (command['autocommit'] !== false) return undefined;
    const lsid = command['lsid'] as Document | undefined;
    const txnNumber = Number(command['txnNumber']);
    if (lsid === undefined || !Number.isFinite(txnNumber)) {
      throw new CommandError('InvalidOptions', 'autocommit: false requires lsid and txnNumber');
    }
    return this.sessions.transactionFor(lsid, txnNumber, command['startTransaction'] === true, commandName);
  }
}
