import type { Document } from 'bson';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';

function requireTransaction(context: CommandContext) {
  if (context.transaction === undefined) {
    throw new CommandError(
      'NoSuchTransaction',
      `${context.commandName} requires a transaction (autocommit: false)`,
      {
        labels: ['TransientTransactionError'],
      },
    );
  }
  return context.transaction;
}

function commitTransaction(context: CommandContext): Document {
  requireTransaction(context).commit();
  return {};
}

function abortTransaction(context: CommandContext): Document {
  requireTransaction(context).abort();
  return {};
}

export const transactionCommands: CommandTable = { commitTransaction, abortTransaction };
