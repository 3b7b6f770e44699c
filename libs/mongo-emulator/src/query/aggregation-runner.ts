import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { CommandError } from '../commands/command-error';
import { cloneValue } from './document-clone';
import { mingoOptions, withVariables } from './mingo-context';
import { translateMingoError } from './mingo-error';

/** Stages this emulator runs (through mingo). Anything else fails loudly with 40324. */
const SUPPORTED_STAGES = new Set([
  '$match',
  '$group',
  '$sort',
  '$project',
  '$addFields',
  '$set',
  '$unset',
  '$limit',
  '$skip',
  '$count',
  '$unwind',
  '$lookup',
  '$unionWith',
  '$facet',
  '$graphLookup',
  '$replaceRoot',
  '$replaceWith',
  '$sortByCount',
  '$bucket',
  '$bucketAuto',
  '$sample',
  '$redact',
  '$setWindowFields',
  '$densify',
  '$fill',
  '$documents',
]);

export function validatePipeline(pipeline: unknown): asserts pipeline is Document[] {
  if (!Array.isArray(pipeline))
    throw new CommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  for (const stage of pipeline as unknown[]) {
    const names = stage !== null && typeof stage === 'object' ? Object.keys(stage) : [];
    const [name] = names;
    if (names.length !== 1 || name === undefined) {
      throw new CommandError(
        'BadValue',
        'A pipeline stage specification object must contain exactly one field.',
      );
    }
    if (!SUPPORTED_STAGES.has(name)) {
      throw new CommandError(
        'UnrecognizedPipelineStage',
        `Unrecognized pipeline stage name: '${name}' (not supported by the MongoDB emulator)`,
      );
    }
    const spec = (stage as Document)[name] as unknown;
    if (name === '$facet') {
      for (const facet of Object.values(spec as Document)) validatePipeline(facet);
    } else if ((name === '$lookup' || name === '$unionWith') && spec !== null && typeof spec === 'object') {
      const nested = (spec as Document)['pipeline'];
      if (nested !== undefined) validatePipeline(nested);
    }
  }
}

/**
 * Rewrites stages whose mingo behaviour differs from MongoDB into equivalents: `$count` becomes the
 * `$group` + `$project` MongoDB itself expands it to, so empty input yields no document (mingo: `{n: 0}`).
 */
function desugarPipeline(pipeline: Document[]): Document[] {
  return pipeline.flatMap((stage): Document[] => {
    const [name] = Object.keys(stage);
    const spec = name === undefined ? undefined : (stage[name] as unknown);
    if (name === '$count' && typeof spec === 'string') {
      return [{ $group: { _id: null, [spec]: { $sum: 1 } } }, { $project: { _id: 0 } }];
    }
    if (name === '$facet' && spec !== null && typeof spec === 'object') {
      const facets = Object.entries(spec as Document).map(([facet, stages]) => [
        facet,
        desugarPipeline(stages as Document[]),
      ]);
      return [{ $facet: Object.fromEntries(facets) }];
    }
    if ((name === '$lookup' || name === '$unionWith') && spec !== null && typeof spec === 'object') {
      const nested = (spec as Document)['pipeline'];
      if (Array.isArray(nested))
        return [{ [name]: { ...(spec as Document), pipeline: desugarPipeline(nested as Document[]) } }];
    }
    return [stage];
  });
}

export type CollectionReader = (name: string) => Iterable<Document>;

/**
 * Runs a pipeline over stored documents, in their BSON types, with the engine's operator set
 * (mingo-context.ts): comparisons follow bson-order.ts and arithmetic keeps int64/Decimal128 exact.
 */
export function runAggregation(
  source: Iterable<Document>,
  pipeline: Document[],
  readCollection: CollectionReader,
  variables?: Document,
): Document[] {
  validatePipeline(pipeline);
  const resolver = (name: string): Document[] => [...readCollection(name)].map(cloneValue);
  try {
    return new Aggregator(
      desugarPipeline(pipeline),
      withVariables(mingoOptions(resolver), variables),
    ).run<Document>([...source]);
  } catch (error) {
    throw translateMingoError(error, 'UnrecognizedPipelineStage');
  }
}
