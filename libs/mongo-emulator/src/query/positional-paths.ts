import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { setValueAtPath, valueAtPath } from './field-path';
import { compileFilter, type DocumentPredicate } from './filter-matcher';

/**
 * Rewrites the positional paths of an update modifier into concrete ones for one document, before
 * anything is computed: `items.$.qty` becomes `items.1.qty` (the first element the statement's filter
 * matched), `items.$[].qty` one path per element, `items.$[big].qty` one per element that the array
 * filter `big` matches. Everything after this (exact arithmetic, `$addToSet`, mingo) sees plain paths,
 * and array elements are selected by the engine's matcher (numbers by value across BSON types).
 */
export function resolveArrayPaths(
  document: Document,
  modifier: Document,
  filter: Document | undefined,
  arrayFilters: Document[] | undefined,
): Document {
  const filtersByIdentifier = compileArrayFilters(arrayFilters);
  const resolved: Document = {};
  for (const [operator, fields] of Object.entries(modifier)) {
    const concrete: Document = {};
    for (const [path, value] of Object.entries(fields as Document)) {
      if (!path.includes('$')) {
        concrete[path] = value;
        continue;
      }
      const context: ResolutionContext = { document, path, filter, filtersByIdentifier };
      for (const resolvedPath of expand(context, document, path.split('.'), 0, [])) {
        concrete[resolvedPath] = value;
      }
    }
    if (Object.keys(concrete).length > 0) resolved[operator] = concrete;
  }
  for (const identifier of filtersByIdentifier.keys()) {
    if (!mentionsIdentifier(modifier, identifier)) {
      throw new CommandError(
        'FailedToParse',
        `The array filter for identifier '${identifier}' was not used in the update`,
      );
    }
  }
  return resolved;
}

interface ResolutionContext {
  readonly document: Document;
  readonly path: string;
  readonly filter: Document | undefined;
  readonly filtersByIdentifier: ReadonlyMap<string, DocumentPredicate>;
}

const FILTERED_POSITIONAL = /^\$\[([a-z][a-zA-Z0-9]*)\]$/;

function expand(
  context: ResolutionContext,
  current: unknown,
  parts: readonly string[],
  index: number,
  prefix: readonly string[],
): string[] {
  if (index === parts.length) return [prefix.join('.')];
  const part = parts[index] as string;
  if (part === '$') {
    const position = positionalIndex(context, prefix.join('.'));
    return expand(context, elementAt(current, position), parts, index + 1, [...prefix, String(position)]);
  }
  if (part === '$[]' || part.startsWith('$[')) {
    if (!Array.isArray(current)) {
      throw new CommandError(
        'BadValue',
        `The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`,
      );
    }
    const matches = part === '$[]' ? () => true : arrayFilterFor(context, part);
    return current.flatMap((element, position) =>
      matches(element) ? expand(context, element, parts, index + 1, [...prefix, String(position)]) : [],
    );
  }
  const next =
    current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
  return expand(context, next, parts, index + 1, [...prefix, part]);
}

function elementAt(current: unknown, position: number): unknown {
  return Array.isArray(current) ? current[position] : undefined;
}

function arrayFilterFor(context: ResolutionContext, part: string): (element: unknown) => boolean {
  const identifier = FILTERED_POSITIONAL.exec(part)?.[1];
  const predicate = identifier === undefined ? undefined : context.filtersByIdentifier.get(identifier);
  if (identifier === undefined || predicate === undefined) {
    throw new CommandError(
      'BadValue',
      `No array filter found for identifier '${identifier ?? part}' in path '${context.path}'`,
    );
  }
  return (element) => predicate({ [identifier]: element });
}

/**
 * The `$` position: the first element for which the filter's conditions on that array hold when the
 * array is reduced to that element, which is how mongod reports the element a query matched.
 */
function positionalIndex(context: ResolutionContext, arrayPath: string): number {
  const array = valueAtPath(context.document, arrayPath);
  const clauses = context.filter === undefined ? [] : clausesOn(context.filter, arrayPath);
  if (Array.isArray(array) && clauses.length > 0) {
    const predicate = compileFilter({ $and: clauses });
    for (let position = 0; position < array.length; position++) {
      const probe: Document = {};
      setValueAtPath(probe, arrayPath, [array[position]]);
      if (predicate(probe)) return position;
    }
  }
  throw new CommandError('BadValue', 'The positional operator did not find the match needed from the query.');
}

function clausesOn(filter: Document, arrayPath: string): Document[] {
  const clauses: Document[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const branch of condition) clauses.push(...clausesOn(branch as Document, arrayPath));
    } else if (field === arrayPath || field.startsWith(`${arrayPath}.`)) {
      clauses.push({ [field]: condition });
    }
  }
  return clauses;
}

function compileArrayFilters(arrayFilters: Document[] | undefined): Map<string, DocumentPredicate> {
  const compiled = new Map<string, DocumentPredicate>();
  for (const arrayFilter of arrayFilters ?? []) {
    const identifier = identifierOf(arrayFilter);
    if (identifier === undefined) {
      throw new CommandError(
        'FailedToParse',
        'Cannot use an expression without a top-level field name in arrayFilters',
      );
    }
    if (compiled.has(identifier)) {
      throw new CommandError(
        'FailedToParse',
        `Found multiple array filters with the same top-level field name ${identifier}`,
      );
    }
    compiled.set(identifier, compileFilter(arrayFilter));
  }
  return compiled;
}

function identifierOf(arrayFilter: Document): string | undefined {
  for (const [field, condition] of Object.entries(arrayFilter)) {
    if (field.startsWith('$')) {
      if (Array.isArray(condition) && condition.length > 0) return identifierOf(condition[0] as Document);
      continue;
    }
    return field.split('.')[0];
  }
  return undefined;
}

function mentionsIdentifier(modifier: Document, identifier: string): boolean {
  return Object.values(modifier).some((fields) =>
    Object.keys(fields as Document).some((path) => path.includes(`$[${identifier}]`)),
  );
}
