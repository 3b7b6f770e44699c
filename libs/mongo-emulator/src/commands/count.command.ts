import type { Document } from 'bson';
import { optionalDocument, optionalNumber, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { selectDocuments } from '../query/document-selection';

function count(context: CommandContext): Document {
  const { command } = context;
  if (context.transaction !== undefined) {
    // mongod refuses it: `count` answers from collection metadata, which a transaction's snapshot does not have.
    throw new CommandError(
      'OperationNotSupportedInTransaction',
      "Cannot run 'count' in a multi-document transaction.",
    );
  }
  const target = context.scope.collection(context.databaseName, targetCollection(context));
  if (target === undefined) return { n: 0 };
  const query = optionalDocument(command, 'query');
  const skip = optionalNumber(command, 'skip');
  const limit = optionalNumber(command, 'limit');
  if (query === undefined && skip === undefined && limit === undefined) {
    return { n: target.collection.size };
  }
  return {
    n: selectDocuments(target, query, { skip, limit }).length,
  };
}

export const countCommands: CommandTable = { count };
