import type { Document } from 'bson';
import { optionalDocument } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { FAIL_COMMAND } from '../failpoints/fail-command.failpoint';

/**
 * `configureFailPoint`, the test-only admin command (mongod needs `enableTestCommands`; the emulator is a
 * test server). Only `failCommand` exists: any other name is refused rather than silently ignored.
 */
function configureFailPoint(context: CommandContext): Document {
  const name = context.command['configureFailPoint'];
  if (context.databaseName !== 'admin') {
    throw new CommandError('Unauthorized', 'configureFailPoint may only be run against the admin database.');
  }
  if (name !== FAIL_COMMAND) {
    throw new CommandError('BadValue', `Fail point not supported by the MongoDB emulator: ${String(name)}`);
  }
  const count = context.failCommand.configure(
    context.command['mode'],
    optionalDocument(context.command, 'data'),
  );
  return { count };
}

export const failPointCommands: CommandTable = { configureFailPoint };
