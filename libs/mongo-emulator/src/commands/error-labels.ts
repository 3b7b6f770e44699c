import type { Document } from 'bson';
import { TRANSIENT_TRANSACTION_ERROR } from './command-error';
import { ErrorCode } from './error-codes';

export const RETRYABLE_WRITE_ERROR = 'RetryableWriteError';

/**
 * mongod's RetriableError category: failures of the node or the network, after which the same write may
 * succeed on the (new) primary.
 */
const RETRIABLE_CODES: ReadonlySet<number> = new Set([
  ErrorCode.HostUnreachable,
  ErrorCode.HostNotFound,
  ErrorCode.NetworkTimeout,
  ErrorCode.ShutdownInProgress,
  ErrorCode.ReadConcernMajorityNotAvailableYet,
  ErrorCode.PrimarySteppedDown,
  ErrorCode.ExceededTimeLimit,
  ErrorCode.SocketException,
  ErrorCode.NotWritablePrimary,
  ErrorCode.InterruptedAtShutdown,
  ErrorCode.InterruptedDueToReplStateChange,
  ErrorCode.NotPrimaryNoSecondaryOk,
  ErrorCode.NotPrimaryOrSecondary,
]);

/**
 * Errors after which the whole transaction can be retried: it left no effect behind. The SnapshotError
 * category is among them, on commit too.
 */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  ErrorCode.LockTimeout,
  ErrorCode.WriteConflict,
  ErrorCode.PreparedTransactionInProgress,
  ErrorCode.SnapshotTooOld,
  ErrorCode.SnapshotUnavailable,
]);

const RETRYABLE_WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'findAndModify']);
const TRANSACTION_END_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);

/**
 * The `errorLabels` mongod (4.4+) attaches to a failed reply, from its ErrorLabelBuilder: drivers of wire
 * version 9+ decide retries from these labels alone. `code` is the command's error, `writeConcernCode` the
 * write concern error's; either may be absent.
 */
export function serverErrorLabels(
  command: Document,
  commandName: string,
  code: number | undefined,
  writeConcernCode: number | undefined,
): string[] {
  const inTransaction = command['txnNumber'] !== undefined && command['autocommit'] !== undefined;
  const endsTransaction = TRANSACTION_END_COMMANDS.has(commandName);
  const labels: string[] = [];
  if (
    inTransaction &&
    code !== undefined &&
    isTransient(code, writeConcernCode !== undefined, endsTransaction)
  ) {
    labels.push(TRANSIENT_TRANSACTION_ERROR);
  }
  const retryableWrite =
    command['txnNumber'] !== undefined && !inTransaction && RETRYABLE_WRITE_COMMANDS.has(commandName);
  if (
    (retryableWrite || (inTransaction && endsTransaction)) &&
    ((code !== undefined && RETRIABLE_CODES.has(code)) ||
      (writeConcernCode !== undefined && RETRIABLE_CODES.has(writeConcernCode)))
  ) {
    labels.push(RETRYABLE_WRITE_ERROR);
  }
  return labels;
}

function isTransient(code: number, hasWriteConcernError: boolean, endsTransaction: boolean): boolean {
  if (TRANSIENT_CODES.has(code)) return true;
  // A commit that answers NoSuchTransaction did not commit (unless its write concern failed after it did).
  if (endsTransaction) return code === ErrorCode.NoSuchTransaction && !hasWriteConcernError;
  return RETRIABLE_CODES.has(code) || code === ErrorCode.NoSuchTransaction;
}
