import type { Document } from 'bson';
import { namespaceOf, optionalDocument, optionalNumber, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { commandVariables } from './command-variables';
import { selectDocuments } from '../query/document-selection';
import { projectDocuments } from '../query/projection';

function find(context: CommandContext): Document {
  const { command } = context;
  const collectionName = targetCollection(context);
  const target = context.scope.collection(context.databaseName, collectionName);
  const limit = optionalNumber(command, 'limit');
  const selected =
    target === undefined
      ? []
      : selectDocuments(target, optionalDocument(command, 'filter'), {
          sort: optionalDocument(command, 'sort'),
          skip: optionalNumber(command, 'skip'),
          limit,
          variables: commandVariables(context),
        });
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

function getMore(context: CommandContext): Document {
  return { cursor: context.cursors.more(context.command['getMore'], context.command['batchSize']) };
}

function killCursors(context: CommandContext): Document {
  const cursorIds = context.command['cursors'];
  const { killed, notFound } = context.cursors.kill(Array.isArray(cursorIds) ? cursorIds : []);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [] };
}

export const findCommands: CommandTable = { find, getMore, killCursors };
