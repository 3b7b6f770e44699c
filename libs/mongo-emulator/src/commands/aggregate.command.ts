import type { Document } from 'bson';
import { namespaceOf } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { assertOutputAllowed, OUTPUT_STAGES, writeAggregateOutput } from './aggregate-output';
import { CommandError } from './command-error';
import { commandVariables } from './command-variables';
import { runAggregation, validatePipeline } from '../query/aggregation-runner';
import { selectDocuments } from '../query/document-selection';

function aggregate(context: CommandContext): Document {
  const { command } = context;
  if (command['explain'] === true)
    throw new CommandError('IllegalOperation', 'explain is not supported by the MongoDB emulator');
  const requested = command['pipeline'];
  // A final $out/$merge writes the output; the stages before it run as any pipeline.
  const last = Array.isArray(requested)
    ? (requested[requested.length - 1] as Document | undefined)
    : undefined;
  const outputStage =
    last !== undefined &&
    last !== null &&
    typeof last === 'object' &&
    OUTPUT_STAGES.has(Object.keys(last)[0] ?? '')
      ? last
      : undefined;
  const pipeline = outputStage === undefined ? requested : (requested as Document[]).slice(0, -1);
  validatePipeline(pipeline);
  if (outputStage !== undefined) assertOutputAllowed(context, outputStage);
  const collectionName = command['aggregate'];
  const variables = commandVariables(context);
  const readCollection = (name: string) =>
    context.scope.collection(context.databaseName, name)?.documents() ?? [];
  let source: Iterable<Document> = [];
  let stages = pipeline;
  if (typeof collectionName === 'string') {
    const target = context.scope.collection(context.databaseName, collectionName);
    // A leading $match is answered by the engine (point lookups on _id) so mingo sees only matches.
    const [first, ...rest] = pipeline;
    if (target !== undefined && first !== undefined && '$match' in first) {
      source = selectDocuments(target, first['$match'] as Document, { variables });
      stages = rest;
    } else {
      source = target?.documents() ?? [];
    }
  } else if (collectionName !== 1) {
    throw new CommandError('TypeMismatch', "'aggregate' must be a collection name or 1");
  }
  const output = runAggregation(source, stages, readCollection, variables);
  if (outputStage !== undefined) writeAggregateOutput(context, outputStage, output);
  const documents = outputStage === undefined ? output : [];
  const cursorOptions = (command['cursor'] as Document | undefined) ?? {};
  const namespace = namespaceOf(
    context,
    typeof collectionName === 'string' ? collectionName : '$cmd.aggregate',
  );
  return { cursor: context.cursors.open(namespace, documents, { batchSize: cursorOptions['batchSize'] }) };
}

export const aggregateCommands: CommandTable = { aggregate };
