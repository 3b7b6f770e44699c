import type { Document } from 'bson';
import type { CommandContext } from './command-context';
import { CommandError } from './command-error';

/** mongod's limit on views defined on views. */
const MAX_VIEW_DEPTH = 20;

/** What a read of a view runs: the pipelines of the view chain, innermost first, over a collection. */
export interface ResolvedView {
  readonly collectionName: string;
  readonly pipeline: Document[];
}

/** Resolves `name` when it is a view (following views on views), as mongod rewrites a read of one. */
export function resolveView(context: CommandContext, viewName: string): ResolvedView | undefined {
  let definition = context.engine.view(context.databaseName, viewName);
  if (definition === undefined) return undefined;
  const stages: Document[][] = [];
  let source = viewName;
  for (let depth = 0; definition !== undefined; depth++) {
    if (depth >= MAX_VIEW_DEPTH) {
      throw new CommandError(
        'ViewDepthLimitExceeded',
        `View depth too deep or view cycle detected. Maximum depth is ${MAX_VIEW_DEPTH}`,
      );
    }
    stages.unshift([...definition.pipeline]);
    source = definition.viewOn;
    definition = context.engine.view(context.databaseName, source);
  }
  return { collectionName: source, pipeline: stages.flat() };
}

/** Commands mongod refuses on a view (CommandNotSupportedOnView): writes and index changes. */
const WRITE_COMMANDS = new Set([
  'insert',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
  'createIndexes',
  'dropIndexes',
]);

export function assertNotWritingToView(context: CommandContext): void {
  const target = context.command[context.commandName];
  if (WRITE_COMMANDS.has(context.commandName) && typeof target === 'string') {
    context.engine.assertNotView(context.databaseName, target);
  }
}
