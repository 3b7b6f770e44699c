import type { Document } from 'bson';
import { ProcessingMode } from 'mingo';
import type { Options } from 'mingo/types';
import { CommandError } from '../commands/command-error';
import type { ErrorCodeName } from '../commands/error-codes';

/**
 * Options for mingo calls that build new documents (aggregation, projection). Inputs are cloned because
 * several mingo stages write into the documents they receive, and what they receive are the engine's
 * stored or cached documents.
 */
export function mingoOptions(collectionResolver?: (name: string) => Document[]): Partial<Options> {
  return {
    processingMode: ProcessingMode.CLONE_INPUT,
    useStrictMode: true,
    scriptEnabled: false,
    ...(collectionResolver !== undefined ? { collectionResolver } : {}),
  };
}

/** For read-only mingo calls (filters, sorting) that must hand back the very objects they were given. */
export function readOnlyMingoOptions(): Partial<Options> {
  return { processingMode: ProcessingMode.CLONE_OFF, useStrictMode: true, scriptEnabled: false };
}

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
