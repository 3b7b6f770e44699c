import type { Document } from 'bson';
import { explainAggregate } from './aggregate.command';
import { namespaceOf, optionalDocument, optionalHint, optionalNumber } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { commandVariables } from './command-variables';
import { withCollation } from '../query/collation';
import { runSelection } from '../query/document-selection';
import { explainSections } from '../query/explain-report';

const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

/**
 * `explain` of find, count, findAndModify and aggregate: the plan the engine's planner chose (index, bounds,
 * direction) and, unless the verbosity is queryPlanner, what running it examined. As in mongod, explaining
 * findAndModify selects the document without changing it. Other commands are refused.
 */
function explain(context: CommandContext): Document {
  const inner = context.command['explain'];
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
    throw new CommandError('TypeMismatch', "BSON field 'explain' is the wrong type, expected type 'object'");
  }
  const explained = inner as Document;
  const verbosity = context.command['verbosity'] ?? 'allPlansExecution';
  if (typeof verbosity !== 'string' || !VERBOSITIES.has(verbosity)) {
    throw new CommandError(
      'BadValue',
      `verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}`,
    );
  }
  const withExecution = verbosity !== 'queryPlanner';
  const [commandName] = Object.keys(explained);
  // The dispatcher sets the collation of the explain command itself; the explained command's (or its
  // collection's default) is the one its query runs under, and a non-simple one makes the planner scan.
  const reply = withCollation(explainedCollation(context, explained, commandName), () =>
    // The explained command's own fields (its `let` above all) are read from it, not from the wrapper.
    explainCommand({ ...context, command: explained }, explained, commandName, withExecution),
  );
  return {
    ...reply,
    command: explained,
    serverInfo: { host: context.server.host, port: context.server.port, version: '7.0.0' },
  };
}

function explainedCollation(
  context: CommandContext,
  explained: Document,
  commandName: string | undefined,
): unknown {
  if (explained['collation'] !== undefined) return explained['collation'];
  const collectionName = commandName === undefined ? undefined : explained[commandName];
  if (typeof collectionName !== 'string') return undefined;
  return context.engine.collection(context.databaseName, collectionName)?.options['collation'];
}

function explainCommand(
  context: CommandContext,
  explained: Document,
  commandName: string | undefined,
  withExecution: boolean,
): Document {
  let reply: Document;
  switch (commandName) {
    case 'find':
      reply = explainQuery(context, explained, 'find', withExecution);
      break;
    case 'count':
      reply = explainQuery(context, explained, 'count', withExecution);
      break;
    case 'findAndModify':
    case 'findandmodify':
      reply = explainQuery(context, explained, commandName, withExecution);
      break;
    case 'aggregate':
      reply = explainAggregate(context, explained, withExecution);
      break;
    default:
      throw new CommandError(
        'IllegalOperation',
        `explain of '${String(commandName)}' is not supported by the MongoDB emulator (find, count, findAndModify and aggregate are)`,
      );
  }
  return reply;
}

type ExplainedCommand = 'find' | 'count' | 'findAndModify' | 'findandmodify';

function explainQuery(
  context: CommandContext,
  command: Document,
  name: ExplainedCommand,
  withExecution: boolean,
): Document {
  const collectionName = command[name];
  if (typeof collectionName !== 'string' || collectionName === '') {
    throw new CommandError('InvalidNamespace', `collection name has invalid type ${typeof collectionName}`);
  }
  const modifies = name === 'findAndModify' || name === 'findandmodify';
  const filter = optionalDocument(command, name === 'find' ? 'filter' : 'query');
  const sort = name === 'count' ? undefined : optionalDocument(command, 'sort');
  const skip = modifies ? undefined : optionalNumber(command, 'skip');
  const limit = modifies ? 1 : optionalNumber(command, 'limit');
  const target = context.scope.collection(context.databaseName, collectionName);
  const started = Date.now();
  const selection =
    target === undefined
      ? undefined
      : runSelection(target, filter, {
          sort,
          skip,
          limit,
          variables: commandVariables(context),
          hint: optionalHint(command),
        });
  return {
    explainVersion: '1',
    ...explainSections(
      { namespace: namespaceOf(context, collectionName), filter, sort, skip, limit },
      selection,
      withExecution,
      Date.now() - started,
    ),
  };
}

export const explainCommands: CommandTable = { explain };
