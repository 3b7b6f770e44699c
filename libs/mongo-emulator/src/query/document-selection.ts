import type { Document } from 'bson';
import type { DocumentSet } from '../storage/document-set';
import { compileFilter } from './filter-matcher';
import { readOnlyMingoOptions, withVariables } from './mingo-context';
import { executePlan, type Execution } from './plan-executor';
import { planQuery, type QueryPlan } from './query-planner';

export interface SelectionOptions {
  readonly sort?: Document | undefined;
  readonly skip?: number | undefined;
  /** 0 or undefined: no limit. */
  readonly limit?: number | undefined;
  /** The command's `let` variables, for `$expr`. */
  readonly variables?: Document | undefined;
  /** The command's `hint` (query-planner.ts). */
  readonly hint?: string | Document | undefined;
}

export interface Selection extends Execution {
  readonly plan: QueryPlan;
}

/** The documents a filter selects, in sort order (natural order without a sort), after skip and limit. */
export function selectDocuments(
  set: DocumentSet,
  filter: Document | undefined,
  options: SelectionOptions = {},
): Document[] {
  return runSelection(set, filter, options).documents;
}

/**
 * selectDocuments with the plan it chose and what it examined, for explain. The running command's
 * collation (query/collation.ts) is ambient: under a non-simple one the planner scans.
 */
export function runSelection(
  set: DocumentSet,
  filter: Document | undefined,
  options: SelectionOptions = {},
): Selection {
  const predicate = compileFilter(
    filter,
    options.variables === undefined ? undefined : withVariables(readOnlyMingoOptions(), options.variables),
  );
  const plan = planQuery(set.collection, { filter, sort: options.sort, hint: options.hint });
  const limit = options.limit !== undefined && options.limit !== 0 ? Math.abs(options.limit) : Infinity;
  const execution = executePlan(set, plan, predicate, { sort: options.sort, skip: options.skip ?? 0, limit });
  return { ...execution, plan };
}
