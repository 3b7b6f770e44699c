import type { Document } from 'bson';
import type { ServerIdentity } from './command-context';
import { CommandError } from './command-error';
import { ErrorCode } from './error-codes';
import { typeBracketOf, TypeBracket } from '../query/bson-order';

/** mongod's bound on a numeric `w`. */
const MAX_W = 50;
/** The engine is one data-bearing member (or a standalone server). */
const DATA_BEARING_MEMBERS = 1;
const TRANSACTION_END_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);

/**
 * Refuses a malformed `writeConcern` before the command runs, as mongod's parser does (FailedToParse), and
 * one inside a transaction anywhere but on commit/abort (InvalidOptions). A standalone refuses `w` > 1.
 */
export function assertWriteConcernValid(
  command: Document,
  commandName: string,
  server: ServerIdentity,
): void {
  const concern = command['writeConcern'] as unknown;
  if (concern === undefined) return;
  if (concern === null || typeof concern !== 'object' || Array.isArray(concern)) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'writeConcern' is the wrong type, expected type 'object'",
    );
  }
  if (command['autocommit'] === false && !TRANSACTION_END_COMMANDS.has(commandName)) {
    throw new CommandError('InvalidOptions', 'Cannot set write concern after starting a transaction.');
  }
  const { w, j, wtimeout, fsync } = concern as Document;
  if (w !== undefined && typeof w !== 'string') {
    const count = typeBracketOf(w) === TypeBracket.Number ? Number(String(w)) : NaN;
    if (Number.isNaN(count))
      throw new CommandError('FailedToParse', `w has to be a number or string; found: ${typeof w}`);
    if (!Number.isInteger(count) || count < 0 || count > MAX_W) {
      throw new CommandError(
        'FailedToParse',
        `w has to be a non-negative number and not greater than ${MAX_W}; found: ${String(w)}`,
      );
    }
    if (server.replicaSetName === undefined && count > DATA_BEARING_MEMBERS) {
      throw new CommandError('BadValue', "cannot use 'w' > 1 on a standalone server");
    }
  }
  for (const [field, value] of [
    ['j', j],
    ['fsync', fsync],
  ] as const) {
    if (value !== undefined && typeof value !== 'boolean' && typeBracketOf(value) !== TypeBracket.Number) {
      throw new CommandError('FailedToParse', `${field} must be numeric or a boolean value`);
    }
  }
  if (isSet(j) && isSet(fsync))
    throw new CommandError('FailedToParse', 'fsync and j options cannot be used together');
  if (wtimeout !== undefined && typeBracketOf(wtimeout) !== TypeBracket.Number) {
    throw new CommandError('FailedToParse', 'wtimeout must be a number');
  }
}

/**
 * The `writeConcernError` a one-member replica set answers after applying the write when the concern asks
 * for more members than it has (UnsatisfiableWriteConcern) or names a tag set it does not define
 * (UnknownReplWriteConcern); undefined when the write concern is met.
 */
export function unsatisfiedWriteConcernError(command: Document): Document | undefined {
  const concern = command['writeConcern'] as Document | undefined;
  const w = concern?.['w'] as unknown;
  if (typeof w === 'string') {
    if (w === 'majority') return undefined;
    return {
      code: ErrorCode.UnknownReplWriteConcern,
      codeName: 'UnknownReplWriteConcern',
      errmsg: `No write concern mode named '${w}' found in replica set configuration`,
      errInfo: { writeConcern: concern },
    };
  }
  if (w === undefined || Number(String(w)) <= DATA_BEARING_MEMBERS) return undefined;
  return {
    code: ErrorCode.UnsatisfiableWriteConcern,
    codeName: 'UnsatisfiableWriteConcern',
    errmsg: 'Not enough data-bearing nodes',
    errInfo: { writeConcern: concern },
  };
}

function isSet(flag: unknown): boolean {
  return flag !== undefined && flag !== false && Number(String(flag)) !== 0;
}
