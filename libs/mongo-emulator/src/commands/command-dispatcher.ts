import type { Document } from 'bson';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CursorRegistry } from '../cursors/cursor-registry';
import type { FailCommandAction } from '../failpoints/fail-command-action';
import type { FailCommandFailPoint } from '../failpoints/fail-command.failpoint';
import type { StorageEngine } from '../storage/storage-engine';
import type { SessionRegistry } from '../transactions/session-registry';
import type { Transaction } from '../transactions/transaction';
import { WaitForLockError } from '../transactions/write-lock-table';
import type { CommandContext, ConnectionState, ServerIdentity } from './command-context';
import { ClusterClock } from './cluster-clock';
import { CommandError } from './command-error';
import { codeNameOf } from './error-codes';
import type { CommandOutcome } from './command-outcome';
import { COMMAND_REGISTRY } from './command-registry';
import { withCollation } from '../query/collation';
import { serverErrorLabels } from './error-labels';
import { assertNotWritingToView } from './view-resolution';
import { assertWriteConcernValid, unsatisfiedWriteConcernError } from './write-concern';

const TRANSACTION_END_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);
const HANDSHAKE_COMMANDS = new Set(['hello', 'isMaster', 'ismaster']);
const FAIL_COMMAND_MESSAGE = "Failing command via 'failCommand' failpoint";

/**
 * Runs one decoded command: finds the handler, binds it to the session's transaction when the command
 * carries `autocommit: false`, and turns every failure into a MongoDB error reply. Handlers run
 * synchronously, so each command (and each commit) runs without interleaving with other connections.
 */
export class CommandDispatcher {
  private readonly clock = new ClusterClock();

  constructor(
    private readonly engine: StorageEngine,
    private readonly sessions: SessionRegistry,
    private readonly cursors: CursorRegistry,
    private readonly server: ServerIdentity,
    private readonly failCommand: FailCommandFailPoint,
  ) {}

  /** Runs the command; a replica set member's replies carry the cluster time, as mongod's do. */
  async execute(
    command: Document,
    connection: ConnectionState,
    defaultDatabase = 'admin',
  ): Promise<CommandOutcome> {
    const outcome = await this.run(command, connection, defaultDatabase);
    if (this.server.replicaSetName === undefined || !('reply' in outcome)) return outcome;
    return { reply: this.clock.stamp(outcome.reply) };
  }

  /**
   * A write outside transactions that meets a document or key an open transaction holds waits for that
   * transaction and then resumes; `context.progress` carries what the command already did.
   */
  private async run(
    command: Document,
    connection: ConnectionState,
    defaultDatabase: string,
  ): Promise<CommandOutcome> {
    const commandName = Object.keys(command)[0] ?? '';
    if (HANDSHAKE_COMMANDS.has(commandName)) rememberApplication(command, connection);
    const lsid = command['lsid'] as unknown;
    if (lsid !== null && typeof lsid === 'object') this.sessions.recordUse(lsid as Document);
    const failure = this.failCommand.trigger(commandName, connection.appName);
    if (failure !== undefined) {
      if (failure.blockTimeMS > 0) await sleep(failure.blockTimeMS);
      if (failure.closeConnection) return { closeConnection: true };
      if (failure.errorCode !== undefined)
        return { reply: this.failedByFailPoint(command, commandName, failure) };
    }
    const progress: Document = {};
    for (;;) {
      const outcome = this.attempt(command, connection.id, defaultDatabase, progress);
      if (!(outcome instanceof WaitForLockError)) {
        const writeConcernError = failure?.writeConcernError ?? unsatisfiedWriteConcernError(command);
        if (writeConcernError === undefined || outcome['ok'] !== 1) return { reply: outcome };
        const labels =
          failure?.errorLabels ??
          serverErrorLabels(command, commandName, undefined, Number(writeConcernError['code']));
        return {
          reply: { ...outcome, writeConcernError, ...(labels.length > 0 ? { errorLabels: labels } : {}) },
        };
      }
      await outcome.until;
    }
  }

  /**
   * The error a fired `failCommand` answers, labelled as mongod would label it unless the fail point names
   * the labels. As in mongod, the fail point answers before the command reaches its session: a transaction
   * stays as it was (not started, not aborted), so a driver may retry the statement within it.
   */
  private failedByFailPoint(command: Document, commandName: string, failure: FailCommandAction): Document {
    const code = failure.errorCode ?? 1;
    const labels = failure.errorLabels ?? serverErrorLabels(command, commandName, code, undefined);
    return {
      ok: 0,
      errmsg: FAIL_COMMAND_MESSAGE,
      code,
      codeName: codeNameOf(code),
      ...(labels.length > 0 ? { errorLabels: [...labels] } : {}),
    };
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
      assertWriteConcernValid(command, commandName, this.server);
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
        failCommand: this.failCommand,
        progress,
      };
      assertNotWritingToView(context);
      const reply = withCollation(this.collationOf(command, commandName, context.databaseName), () =>
        handler(context),
      );
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

  /**
   * The command's collation, else its collection's default one. Batched writes (update, delete) carry one
   * per statement and apply it there.
   */
  private collationOf(command: Document, commandName: string, databaseName: string): unknown {
    if (command['collation'] !== undefined) return command['collation'];
    const collectionName = command[commandName];
    if (typeof collectionName !== 'string') return undefined;
    return this.engine.collection(databaseName, collectionName)?.options['collation'];
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

function rememberApplication(command: Document, connection: ConnectionState): void {
  const client = command['client'] as Document | undefined;
  const application = client?.['application'] as Document | undefined;
  if (typeof application?.['name'] === 'string') connection.appName = application['name'];
}
