import type { Document } from 'bson';

/** The find-shaped start of a pipeline, which the engine answers through the query planner. */
export interface LeadingQuery {
  readonly filter: Document | undefined;
  readonly sort: Document | undefined;
  readonly skip: number | undefined;
  readonly limit: number | undefined;
  /** How many stages it stands for. */
  readonly stageCount: number;
}

/**
 * A leading `$match`, then a `$sort`, then `$skip`/`$limit` right after the sort (as mongod pushes them
 * into its query layer). Only plain forms are taken, anything unusual (a `$meta` sort, a limit that is not
 * a positive whole number) stays in the pipeline for its own validation.
 */
export function leadingQueryOf(pipeline: readonly Document[]): LeadingQuery {
  let position = 0;
  const stageAt = (name: string): unknown => {
    const stage = pipeline[position];
    return stage !== undefined && name in stage ? stage[name] : undefined;
  };
  const match = stageAt('$match');
  const filter = isDocument(match) ? match : undefined;
  if (filter !== undefined) position++;
  const sortSpec = stageAt('$sort');
  const sort = isDocument(sortSpec) && isPlainSort(sortSpec) ? sortSpec : undefined;
  let skip: number | undefined;
  let limit: number | undefined;
  if (sort !== undefined) {
    position++;
    const skipValue = stageAt('$skip');
    if (isWholeNumber(skipValue, 0)) {
      const next = pipeline[position + 1];
      const limitAfterSkip = next !== undefined && '$limit' in next ? next['$limit'] : undefined;
      if (isWholeNumber(limitAfterSkip, 1)) {
        skip = skipValue;
        limit = limitAfterSkip;
        position += 2;
      }
    } else if (isWholeNumber(stageAt('$limit'), 1)) {
      limit = stageAt('$limit') as number;
      position++;
    }
  }
  return { filter, sort, skip, limit, stageCount: position };
}

function isDocument(value: unknown): value is Document {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isPlainSort(sort: Document): boolean {
  const directions = Object.values(sort);
  return directions.length > 0 && directions.every((direction) => direction === 1 || direction === -1);
}

function isWholeNumber(value: unknown, minimum: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum;
}
