import { ObjectId, type Document } from 'bson';
import { BracketBound } from '../storage/index-key';
import { TypeBracket } from './bson-order';
import type { Selection } from './document-selection';
import type { FieldBounds, ValueInterval } from './index-bounds';
import type { IndexScanPlan } from './query-planner';

export interface ExplainedQuery {
  readonly namespace: string;
  readonly filter: Document | undefined;
  readonly sort: Document | undefined;
  readonly skip: number | undefined;
  readonly limit: number | undefined;
}

/**
 * The `queryPlanner` and `executionStats` sections of an explain reply, shaped as mongod's: a tree of
 * stages (LIMIT, SKIP, SORT, FETCH, OR, IXSCAN or COLLSCAN) with the index chosen, its bounds, and the keys and
 * documents examined. `selection` is undefined when the collection does not exist (mongod: EOF).
 */
export function explainSections(
  query: ExplainedQuery,
  selection: Selection | undefined,
  withExecution: boolean,
  elapsedMillis: number,
): Document {
  const winningPlan = selection === undefined ? { stage: 'EOF' } : planStages(query, selection, false);
  const sections: Document = {
    queryPlanner: {
      namespace: query.namespace,
      indexFilterSet: false,
      parsedQuery: query.filter ?? {},
      planCacheShapeHash: '00000000',
      maxIndexedOrSolutionsReached: false,
      maxIndexedAndSolutionsReached: false,
      maxScansToExplodeReached: false,
      winningPlan,
      rejectedPlans: [],
    },
  };
  if (withExecution) {
    sections['executionStats'] = {
      executionSuccess: true,
      nReturned: selection?.documents.length ?? 0,
      executionTimeMillis: elapsedMillis,
      totalKeysExamined: selection?.stats.keysExamined ?? 0,
      totalDocsExamined: selection?.stats.docsExamined ?? 0,
      executionStages:
        selection === undefined ? { stage: 'EOF', nReturned: 0 } : planStages(query, selection, true),
    };
  }
  return sections;
}

function planStages(query: ExplainedQuery, selection: Selection, withStats: boolean): Document {
  const { plan, stats } = selection;
  const filter =
    query.filter !== undefined && Object.keys(query.filter).length > 0 ? { filter: query.filter } : {};
  let stage: Document;
  if (plan.kind === 'COLLSCAN') {
    stage = {
      stage: 'COLLSCAN',
      ...filter,
      direction: 'forward',
      ...(withStats ? { docsExamined: stats.docsExamined } : {}),
    };
  } else {
    // An index union's keys examined are reported in total (executionStats), not per branch.
    const inputStage =
      plan.kind === 'IXSCAN'
        ? indexScanStage(plan, withStats ? stats.keysExamined : undefined)
        : { stage: 'OR', inputStages: plan.branches.map((branch) => indexScanStage(branch, undefined)) };
    stage = {
      stage: 'FETCH',
      ...filter,
      ...(withStats ? { docsExamined: stats.docsExamined } : {}),
      inputStage,
    };
  }
  const hasSort = query.sort !== undefined && Object.keys(query.sort).length > 0;
  const limit = query.limit !== undefined && query.limit !== 0 ? Math.abs(query.limit) : undefined;
  const sortedByIndex = plan.kind === 'IXSCAN' && plan.sortPositions !== undefined;
  if (hasSort && !sortedByIndex) {
    stage = {
      stage: 'SORT',
      sortPattern: query.sort,
      type: 'simple',
      ...(limit !== undefined ? { limitAmount: limit + (query.skip ?? 0) } : {}),
      inputStage: stage,
    };
  }
  if (query.skip !== undefined && query.skip > 0)
    stage = { stage: 'SKIP', skipAmount: query.skip, inputStage: stage };
  if (limit !== undefined && (!hasSort || sortedByIndex))
    stage = { stage: 'LIMIT', limitAmount: limit, inputStage: stage };
  if (withStats) stage['nReturned'] = selection.documents.length;
  return stage;
}

function indexScanStage(plan: IndexScanPlan, keysExamined: number | undefined): Document {
  const { index } = plan;
  const multiKeyPaths: Document = {};
  index.fields.forEach(
    (field, position) => (multiKeyPaths[field] = index.isMultikey(position) ? [field] : []),
  );
  const indexBounds: Document = {};
  index.fields.forEach((field, position) => {
    const descending = (index.directions[position] === -1) !== plan.reverse;
    indexBounds[field] = describeBounds(plan.bounds[position], descending);
  });
  return {
    stage: 'IXSCAN',
    keyPattern: index.definition.key,
    indexName: index.name,
    isMultiKey: index.fields.some((_, position) => index.isMultikey(position)),
    multiKeyPaths,
    isUnique: index.definition.unique,
    isSparse: index.definition.sparse,
    isPartial: index.definition.partialFilterExpression !== undefined,
    indexVersion: 2,
    direction: plan.reverse ? 'backward' : 'forward',
    indexBounds,
    ...(keysExamined !== undefined ? { keysExamined } : {}),
  };
}

/** mongod's bound notation: `["a", "a"]`, `(5, inf]`, `[MinKey, MaxKey]`, listed in scan order. */
function describeBounds(bounds: FieldBounds | undefined, descending: boolean): string[] {
  if (bounds === undefined) return [descending ? '[MaxKey, MinKey]' : '[MinKey, MaxKey]'];
  const described = bounds.map((interval) => describeInterval(interval, descending));
  return descending ? described.reverse() : described;
}

function describeInterval(interval: ValueInterval, descending: boolean): string {
  const low = `${interval.lowInclusive ? '[' : '('}${describeValue(interval.low)}`;
  const high = `${describeValue(interval.high)}${interval.highInclusive ? ']' : ')'}`;
  if (!descending) return `${low}, ${high}`;
  return `${interval.highInclusive ? '[' : '('}${describeValue(interval.high)}, ${describeValue(interval.low)}${interval.lowInclusive ? ']' : ')'}`;
}

function describeValue(value: unknown): string {
  if (value instanceof BracketBound) {
    if (value.bracket === TypeBracket.Number) return value.side < 0 ? '-inf' : 'inf';
    if (value.bracket === TypeBracket.String) return value.side < 0 ? '""' : '{}';
    return value.side < 0 ? 'MinKey' : 'MaxKey';
  }
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
