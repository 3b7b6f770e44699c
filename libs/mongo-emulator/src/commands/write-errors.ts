import type { Document } from 'bson';
import { CommandError } from './command-error';
import { ErrorCode } from './error-codes';

/**
 * Runs one statement of a batched write. Statement failures become `writeErrors` entries, as MongoDB
 * reports them; a WriteConflict or an unexpected error fails the whole command instead (a transaction
 * must see the conflict as a top-level TransientTransactionError).
 */
export function runStatement(index: number, writeErrors: Document[], statement: () => void): boolean {
  try {
    statement();
    return true;
  } catch (error) {
    if (!(error instanceof CommandError) || error.code === ErrorCode.WriteConflict) throw error;
    writeErrors.push({ index, code: error.code, errmsg: error.message, ...error.details });
    return false;
  }
}

export function withWriteErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length > 0 ? { ...reply, writeErrors } : reply;
}
