import type { Document } from 'bson';
import {
  namespaceOf,
  optionalDocument,
  optionalHint,
  optionalNumber,
  targetCollection,
} from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { aggregateDocuments } from './aggregate.command';
import { commandVariables } from './command-variables';
import { selectDocuments } from '../query/document-selection';
import { projectDocuments } from '../query/projection';

function find(context: CommandContext): Document {
  const { command } = context;
  const collectionName = targetCollection(context);
  const target = context.scope.collection(context.databaseName, collectionName);
  const limit = optionalNumber(command, 'limit');
  const options = {
    sort: optionalDocument(command, 'sort'),
    skip: optionalNumber(command, 'skip'),
    limit,
    variables: commandVariables(context),
    hint: optionalHint(command),
  };
  const filter = optionalDocument(command, 'filter');
  const selected =
    target === undefined
      ? selectFromView(context, collectionName, filter, options)
      : selectDocuments(target, filter, options);
  const documents = projectDocuments(selected, optionalDocument(command, 'projection'));
  // A negative limit is the legacy spelling of "one batch only".
  const singleBatch = command['singleBatch'] === true || (limit !== undefined && limit < 0);
  return {
    cursor: context.cursors.open(namespaceOf(context, collectionName), documents, {
      batchSize: command['batchSize'],
      singleBatch,
    }),
  };
}

/** A find on a view runs as an aggregation over the view, as mongod rewrites it; no view, no documents. */
function selectFromView(
  context: CommandContext,
  viewName: string,
  filter: Document | undefined,
  options: { sort?: Document; skip?: number; limit?: number; variables?: Document },
): Document[] {
  if (context.engine.view(context.databaseName, viewName) === undefined) return [];
  const { sort, skip, limit, variables } = options;
  const stages: Document[] = [{ $match: filter ?? {} }];
  if (sort !== undefined) stages.push({ $sort: sort });
  if (skip !== undefined && skip > 0) stages.push({ $skip: skip });
  if (limit !== undefined && limit !== 0) stages.push({ $limit: Math.abs(limit) });
  return aggregateDocuments(context, viewName, stages, variables);
}

function getMore(context: CommandContext): Document {
  return { cursor: context.cursors.more(context.command['getMore'], context.command['batchSize']) };
}

function killCursors(context: CommandContext): Document {
  const cursorIds = context.command['cursors'];
  const { killed, notFound } = context.cursors.kill(Array.isArray(cursorIds) ? cursorIds : []);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [] };
}

export const findCommands: CommandTable = { find, getMore, killCursors };
