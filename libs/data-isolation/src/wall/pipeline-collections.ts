import { isPlainObject } from '../guards/copy-query-value';

/**
 * Every collection a pipeline reads or writes besides the one it runs on: `$lookup`, `$graphLookup`,
 * `$unionWith` (both forms), `$out` and `$merge` targets, recursively through sub-pipelines and `$facet`.
 * Used where there is no tenant to scope joins to (outside any context), only a question to answer: does this
 * pipeline reach tenant data?
 */
export function collectionsNamedByPipeline(
  pipeline: unknown,
  found: Set<string> = new Set(),
  depth = 0,
): Set<string> {
  if (!Array.isArray(pipeline) || depth > 16) return found;
  for (const stage of pipeline) {
    if (!isPlainObject(stage)) continue;
    for (const name of Object.keys(stage)) collectStage(name, stage[name], found, depth);
  }
  return found;
}

function collectStage(name: string, spec: unknown, found: Set<string>, depth: number): void {
  switch (name) {
    case '$lookup':
    case '$graphLookup':
      if (isPlainObject(spec)) {
        addName(spec['from'], found);
        collectionsNamedByPipeline(spec['pipeline'], found, depth + 1);
      }
      return;
    case '$unionWith':
      addName(isPlainObject(spec) ? spec['coll'] : spec, found);
      if (isPlainObject(spec)) collectionsNamedByPipeline(spec['pipeline'], found, depth + 1);
      return;
    case '$out':
      addName(isPlainObject(spec) ? spec['coll'] : spec, found);
      return;
    case '$merge': {
      const into = isPlainObject(spec) ? spec['into'] : spec;
      addName(isPlainObject(into) ? into['coll'] : into, found);
      return;
    }
    case '$facet':
      if (isPlainObject(spec)) {
        for (const branch of Object.keys(spec)) collectionsNamedByPipeline(spec[branch], found, depth + 1);
      }
      return;
    default:
      return;
  }
}

function addName(value: unknown, found: Set<string>): void {
  if (typeof value === 'string') found.add(value);
}
