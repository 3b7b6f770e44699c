import type { Document } from 'bson';
import { namespaceOf } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { runAggregation, validatePipeline } from '../query/aggregation-runner';
import { runSelection, type Selection } from '../query/document-selection';
import { explainSections } from '../query/explain-report';
import { leadingQueryOf } from '../query/leading-query';

function aggregate(context: CommandContext): Document {
  const { command } = context;
  const pipeline = command['pipeline'];
  validatePipeline(pipeline);
  const collectionName = command['aggregate'];
  if (typeof collectionName !== 'string' && collectionName !== 1) {
    throw new CommandError('TypeMismatch', "'aggregate' must be a collection name or 1");
  }
  if (command['explain'] === true) return explainAggregate(context, command, false);
  const planned = planLeadingQuery(context, command);
  const readCollection = (name: string) =>
    context.scope.collection(context.databaseName, name)?.documents() ?? [];
  const documents = runAggregation(planned.source, planned.stages, readCollection);
  const cursorOptions = (command['cursor'] as Document | undefined) ?? {};
  const namespace = namespaceOf(
    context,
    typeof collectionName === 'string' ? collectionName : '$cmd.aggregate',
  );
  return { cursor: context.cursors.open(namespace, documents, { batchSize: cursorOptions['batchSize'] }) };
}

interface PlannedPipeline {
  readonly source: Iterable<Document>;
  /** What is left for the aggregation runner. */
  readonly stages: Document[];
  readonly selection: Selection | undefined;
  readonly leading: Document[];
}

/**
 * A leading `$match`/`$sort` (with a `$skip`/`$limit` after the sort) is answered by the query planner,
 * through the collection's indexes, so the aggregation runner sees only the documents that pass it.
 */
function planLeadingQuery(context: CommandContext, command: Document): PlannedPipeline {
  const collectionName = command['aggregate'];
  const pipeline = command['pipeline'] as Document[];
  const target =
    typeof collectionName === 'string'
      ? context.scope.collection(context.databaseName, collectionName)
      : undefined;
  const leading = leadingQueryOf(pipeline);
  if (target === undefined || leading.stageCount === 0) {
    return { source: target?.documents() ?? [], stages: pipeline, selection: undefined, leading: [] };
  }
  const selection = runSelection(target, leading.filter, {
    sort: leading.sort,
    skip: leading.skip,
    limit: leading.limit,
    collation: command['collation'] as Document | undefined,
  });
  return {
    source: selection.documents,
    stages: pipeline.slice(leading.stageCount),
    selection,
    leading: pipeline.slice(0, leading.stageCount),
  };
}

/**
 * Explains (and, with `withExecution`, runs) an aggregate command: mongod's shape, the query layer's plan
 * under `$cursor` when stages remain after it, at top level otherwise.
 */
export function explainAggregate(
  context: CommandContext,
  command: Document,
  withExecution: boolean,
): Document {
  const pipeline = command['pipeline'];
  validatePipeline(pipeline);
  const collectionName = command['aggregate'];
  const started = Date.now();
  const planned = planLeadingQuery(context, command);
  const elapsedMillis = Date.now() - started;
  const leading = leadingQueryOf(pipeline);
  const sections = explainSections(
    {
      namespace: namespaceOf(context, typeof collectionName === 'string' ? collectionName : '$cmd.aggregate'),
      filter: leading.stageCount > 0 ? leading.filter : undefined,
      sort: leading.stageCount > 0 ? leading.sort : undefined,
      skip: leading.skip,
      limit: leading.limit,
    },
    planned.selection ?? emptyScan(planned),
    withExecution,
    elapsedMillis,
  );
  if (planned.stages.length === 0) return { explainVersion: '1', ...sections };
  return { explainVersion: '1', stages: [{ $cursor: sections }, ...planned.stages] };
}

/** A pipeline with no leading query reads the whole collection. */
function emptyScan(planned: PlannedPipeline): Selection {
  const documents = [...planned.source];
  return {
    plan: { kind: 'COLLSCAN' },
    documents,
    stats: { keysExamined: 0, docsExamined: documents.length },
  };
}

export const aggregateCommands: CommandTable = { aggregate };
