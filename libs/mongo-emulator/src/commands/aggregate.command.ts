import type { Document } from 'bson';
import { namespaceOf, optionalHint } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { assertOutputAllowed, OUTPUT_STAGES, writeAggregateOutput } from './aggregate-output';
import { CommandError } from './command-error';
import { commandVariables } from './command-variables';
import { localSessionsSource } from './list-local-sessions.stage';
import { runAggregation, validatePipeline } from '../query/aggregation-runner';
import { runSelection, type Selection } from '../query/document-selection';
import { explainSections } from '../query/explain-report';
import { leadingQueryOf } from '../query/leading-query';
import { resolveView } from './view-resolution';

function aggregate(context: CommandContext): Document {
  const { command } = context;
  const { pipeline, outputStage } = splitOutputStage(command['pipeline']);
  const sessions = Array.isArray(pipeline) ? localSessionsSource(context, pipeline) : undefined;
  validatePipeline(sessions?.stages ?? pipeline);
  if (outputStage !== undefined) assertOutputAllowed(context, outputStage);
  const collectionName = command['aggregate'];
  if (typeof collectionName !== 'string' && collectionName !== 1) {
    throw new CommandError('TypeMismatch', "'aggregate' must be a collection name or 1");
  }
  if (command['explain'] === true) return explainAggregate(context, command, false);
  const variables = commandVariables(context);
  const output =
    sessions === undefined
      ? aggregateDocuments(context, collectionName, pipeline, variables)
      : runAggregation(sessions.source, sessions.stages, readCollectionOf(context, variables), variables);
  if (outputStage !== undefined) writeAggregateOutput(context, outputStage, output);
  const documents = outputStage === undefined ? output : [];
  const cursorOptions = (command['cursor'] as Document | undefined) ?? {};
  const namespace = namespaceOf(
    context,
    typeof collectionName === 'string' ? collectionName : '$cmd.aggregate',
  );
  return { cursor: context.cursors.open(namespace, documents, { batchSize: cursorOptions['batchSize'] }) };
}

/**
 * The documents a pipeline yields over a collection or a view (whose pipeline then runs first, over the
 * collection under it, as mongod rewrites a read of a view).
 */
export function aggregateDocuments(
  context: CommandContext,
  collectionName: unknown,
  pipeline: Document[],
  variables: Document | undefined,
): Document[] {
  const view = typeof collectionName === 'string' ? resolveView(context, collectionName) : undefined;
  const planned =
    view === undefined
      ? planLeadingQuery(context, collectionName, pipeline, variables)
      : planLeadingQuery(context, view.collectionName, [...view.pipeline, ...pipeline], variables);
  return runAggregation(planned.source, planned.stages, readCollectionOf(context, variables), variables);
}

/** What `$lookup`, `$unionWith` and `$graphLookup` read: a collection's documents, or what a view yields. */
function readCollectionOf(
  context: CommandContext,
  variables: Document | undefined,
): (name: string) => Iterable<Document> {
  return (name) =>
    context.engine.view(context.databaseName, name) === undefined
      ? (context.scope.collection(context.databaseName, name)?.documents() ?? [])
      : aggregateDocuments(context, name, [], variables);
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
function planLeadingQuery(
  context: CommandContext,
  collectionName: unknown,
  pipeline: Document[],
  variables: Document | undefined,
): PlannedPipeline {
  const target =
    typeof collectionName === 'string'
      ? context.scope.collection(context.databaseName, collectionName)
      : undefined;
  const leading = leadingQueryOf(pipeline);
  // A hinted pipeline goes through the planner even without a leading query: the hint is checked and obeyed.
  const hint = optionalHint(context.command);
  if (target === undefined || (leading.stageCount === 0 && hint === undefined)) {
    return { source: target?.documents() ?? [], stages: pipeline, selection: undefined, leading: [] };
  }
  const selection = runSelection(target, leading.filter, {
    sort: leading.sort,
    skip: leading.skip,
    limit: leading.limit,
    variables,
    hint,
  });
  return {
    source: selection.documents,
    stages: pipeline.slice(leading.stageCount),
    selection,
    leading: pipeline.slice(0, leading.stageCount),
  };
}

/** A final `$out`/`$merge` writes the output; the stages before it run as any pipeline. */
function splitOutputStage(requested: unknown): { pipeline: Document[]; outputStage: Document | undefined } {
  if (!Array.isArray(requested)) return { pipeline: requested as Document[], outputStage: undefined };
  const last = requested[requested.length - 1] as unknown;
  const isOutput =
    last !== null && typeof last === 'object' && OUTPUT_STAGES.has(Object.keys(last as Document)[0] ?? '');
  return isOutput
    ? { pipeline: requested.slice(0, -1) as Document[], outputStage: last as Document }
    : { pipeline: requested as Document[], outputStage: undefined };
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
  // An explained $out/$merge writes nothing (as mongod's queryPlanner verbosity): the stages before it are explained.
  const { pipeline: requested } = splitOutputStage(command['pipeline']);
  validatePipeline(requested);
  // A view is explained as what runs: its pipeline, then the command's, over the collection under it.
  const view =
    typeof command['aggregate'] === 'string' ? resolveView(context, command['aggregate']) : undefined;
  const pipeline = view === undefined ? requested : [...view.pipeline, ...requested];
  const collectionName = view?.collectionName ?? command['aggregate'];
  const started = Date.now();
  const planned = planLeadingQuery(context, collectionName, pipeline, commandVariables(context));
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
