import type { Document } from 'bson';
import { optionalDocument, optionalHint, optionalNumber, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { aggregateDocuments } from './aggregate.command';
import { CommandError } from './command-error';
import { countFromIndex } from '../query/count-from-index';
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
  const name = targetCollection(context);
  const query = optionalDocument(command, 'query');
  const skip = optionalNumber(command, 'skip');
  const limit = optionalNumber(command, 'limit');
  const target = context.scope.collection(context.databaseName, name);
  if (target === undefined) return { n: countInView(context, name, query, skip, limit) };
  const hint = optionalHint(command);
  if (query === undefined && skip === undefined && limit === undefined && hint === undefined) {
    return { n: target.collection.size };
  }
  const counted =
    skip === undefined && limit === undefined && hint === undefined
      ? countFromIndex(target, query)
      : undefined;
  return {
    n: counted ?? selectDocuments(target, query, { skip, limit, hint }).length,
  };
}

/** A count of a view counts what its aggregation yields, as mongod rewrites it; no view counts 0. */
function countInView(
  context: CommandContext,
  viewName: string,
  query: Document | undefined,
  skip: number | undefined,
  limit: number | undefined,
): number {
  if (context.engine.view(context.databaseName, viewName) === undefined) return 0;
  const stages: Document[] = [{ $match: query ?? {} }];
  if (skip !== undefined && skip > 0) stages.push({ $skip: skip });
  if (limit !== undefined && limit !== 0) stages.push({ $limit: Math.abs(limit) });
  return aggregateDocuments(context, viewName, stages, undefined).length;
}

export const countCommands: CommandTable = { count };
