import type { Document } from 'bson';
import { optionalDocument, optionalNumber, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { selectDocuments } from '../query/document-selection';

function count(context: CommandContext): Document {
  const { command } = context;
  const target = context.scope.collection(context.databaseName, targetCollection(context));
  if (target === undefined) return { n: 0 };
  const query = optionalDocument(command, 'query');
  const skip = optionalNumber(command, 'skip');
  const limit = optionalNumber(command, 'limit');
  if (query === undefined && skip === undefined && limit === undefined && context.transaction === undefined) {
    return { n: target.collection.size };
  }
  return {
    n: selectDocuments(target, query, { skip, limit, collation: optionalDocument(command, 'collation') })
      .length,
  };
}

export const countCommands: CommandTable = { count };
