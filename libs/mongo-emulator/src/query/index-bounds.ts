import type { Document } from 'bson';
import { BracketBound, compareBoundedValues } from '../storage/index-key';
import { compareBsonBinary, typeBracketOf, TypeBracket } from './bson-order';
import { isOperatorObject, isPlainObject } from './filter-matcher';

/** An interval of one field's values in ascending BSON order; a point has equal, inclusive ends. */
export interface ValueInterval {
  readonly low: unknown;
  readonly lowInclusive: boolean;
  readonly high: unknown;
  readonly highInclusive: boolean;
}

/** Sorted, disjoint intervals; empty when no value can match. */
export type FieldBounds = readonly ValueInterval[];

/** Type brackets whose range operators the planner turns into bounds; others leave the field unbounded. */
const RANGE_BRACKETS = new Set([
  TypeBracket.Number,
  TypeBracket.String,
  TypeBracket.Date,
  TypeBracket.ObjectId,
  TypeBracket.Boolean,
  TypeBracket.Timestamp,
]);

/**
 * Each field's conditions in a filter, gathered from its top level and from nested `$and`s, which are the
 * conditions every matching document satisfies. `$or`, `$nor`, `$expr` and the like constrain no single
 * field and are left to the filter itself.
 */
export function fieldConditionsOf(filter: Document | undefined): Map<string, unknown[]> {
  const conditions = new Map<string, unknown[]>();
  const gather = (clause: Document): void => {
    for (const [key, condition] of Object.entries(clause)) {
      if (key === '$and' && Array.isArray(condition)) {
        for (const branch of condition) if (isPlainObject(branch)) gather(branch);
      } else if (!key.startsWith('$')) {
        const list = conditions.get(key) ?? [];
        list.push(condition);
        conditions.set(key, list);
      }
    }
  };
  if (filter !== undefined && filter !== null) gather(filter);
  return conditions;
}

/**
 * The values a field can take in a matching document, as intervals, or undefined when its conditions do not
 * narrow it. Every bound is a superset of what matches: the full filter still runs on every fetched
 * document. For a multikey field two conditions may be met by different array elements, so only one is used
 * (an equality if there is one); otherwise all are intersected.
 */
export function boundsOfField(conditions: readonly unknown[], multikey: boolean): FieldBounds | undefined {
  const perOperator: FieldBounds[] = [];
  for (const condition of conditions) {
    if (isOperatorObject(condition)) {
      for (const [operator, operand] of Object.entries(condition)) {
        const bounds = operatorBounds(operator, operand);
        if (bounds !== undefined) perOperator.push(bounds);
      }
    } else {
      const bounds = equalityBounds(condition);
      if (bounds !== undefined) perOperator.push(bounds);
    }
  }
  if (perOperator.length === 0) return undefined;
  if (multikey) return perOperator.find((bounds) => bounds.every(isPoint)) ?? perOperator[0];
  return perOperator.reduce(intersect);
}

export function isPoint(interval: ValueInterval): boolean {
  return (
    interval.lowInclusive && interval.highInclusive && compareBsonBinary(interval.low, interval.high) === 0
  );
}

/** True when no interval contains null (so a document missing every bounded field cannot match). */
export function excludesNull(bounds: FieldBounds): boolean {
  return bounds.every((interval) => !contains(interval, null));
}

function operatorBounds(operator: string, operand: unknown): FieldBounds | undefined {
  switch (operator) {
    case '$eq':
      return equalityBounds(operand);
    case '$in':
      return membershipBounds(operand);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return rangeBounds(operator, operand);
    default:
      // $regex, $ne, $nin, $exists, $type, $elemMatch, $all, $not...: no bound from this one.
      return undefined;
  }
}

/**
 * An array operand also matches documents holding that array as an element or whole value, and a regex
 * matches by pattern: neither is a point in the index, so they give no bound.
 */
function isPointOperand(value: unknown): boolean {
  const bracket = typeBracketOf(value);
  if (bracket === TypeBracket.Array || bracket === TypeBracket.Regex) return false;
  if (bracket === TypeBracket.Undefined) return false;
  return !isOperatorObject(value);
}

function equalityBounds(value: unknown): FieldBounds | undefined {
  if (!isPointOperand(value)) return undefined;
  return [point(value)];
}

function membershipBounds(operand: unknown): FieldBounds | undefined {
  if (!Array.isArray(operand) || !operand.every(isPointOperand)) return undefined;
  const sorted = [...operand].sort(compareBsonBinary);
  const distinct = sorted.filter(
    (value, index) => index === 0 || compareBsonBinary(sorted[index - 1], value) !== 0,
  );
  return distinct.map(point);
}

function rangeBounds(operator: string, operand: unknown): FieldBounds | undefined {
  const bracket = typeBracketOf(operand);
  if (!RANGE_BRACKETS.has(bracket)) return undefined;
  if (typeof operand === 'number' && Number.isNaN(operand)) return undefined;
  const inclusive = operator === '$gte' || operator === '$lte';
  if (operator === '$gt' || operator === '$gte') {
    return [
      { low: operand, lowInclusive: inclusive, high: BracketBound.above(operand), highInclusive: true },
    ];
  }
  return [{ low: BracketBound.below(operand), lowInclusive: true, high: operand, highInclusive: inclusive }];
}

function point(value: unknown): ValueInterval {
  return { low: value, lowInclusive: true, high: value, highInclusive: true };
}

function contains(interval: ValueInterval, value: unknown): boolean {
  const low = compareBoundedValues(value, interval.low);
  const high = compareBoundedValues(value, interval.high);
  return (
    (low > 0 || (low === 0 && interval.lowInclusive)) && (high < 0 || (high === 0 && interval.highInclusive))
  );
}

function intersect(left: FieldBounds, right: FieldBounds): FieldBounds {
  const result: ValueInterval[] = [];
  for (const a of left) {
    for (const b of right) {
      const lowOrder = compareBoundedValues(a.low, b.low);
      const highOrder = compareBoundedValues(a.high, b.high);
      const low = lowOrder > 0 || (lowOrder === 0 && !a.lowInclusive) ? a : b;
      const high = highOrder < 0 || (highOrder === 0 && !a.highInclusive) ? a : b;
      const span = compareBoundedValues(low.low, high.high);
      if (span > 0 || (span === 0 && !(low.lowInclusive && high.highInclusive))) continue;
      result.push({
        low: low.low,
        lowInclusive: low.lowInclusive,
        high: high.high,
        highInclusive: high.highInclusive,
      });
    }
  }
  return result.sort((a, b) => compareBoundedValues(a.low, b.low));
}
