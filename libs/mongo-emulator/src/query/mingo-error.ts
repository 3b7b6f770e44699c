import { CommandError } from '../commands/command-error';
import type { ErrorCodeName } from '../commands/error-codes';

const UNKNOWN_OPERATOR = /unknown|unregistered|not registered|not supported|unsupported/i;

/**
 * mingo throws plain errors; the client must get a MongoDB error with a code instead. An unknown operator
 * is reported with `unknownOperatorCode` (BadValue in a filter, 40324 in a pipeline) so it fails loudly.
 */
export function translateMingoError(
  error: unknown,
  unknownOperatorCode: ErrorCodeName = 'BadValue',
): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CommandError(UNKNOWN_OPERATOR.test(message) ? unknownOperatorCode : 'BadValue', message);
}
