import { Decimal128, Long, type Document } from 'bson';
import { Context, evalExpr, ProcessingMode } from 'mingo/core';
import { Aggregator } from 'mingo/aggregator';
import { Lazy } from 'mingo/lazy';
import type { Iterator as LazyIterator } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { Options } from 'mingo/types';
import { CommandError } from '../commands/command-error';
import { canonicalKey } from '../storage/canonical-key';
import { bsonEquals, bsonTypeName, compareBson } from './bson-order';
import { sortDocuments } from './document-sorter';
import {
  addExact,
  asDouble,
  averageExact,
  divideExact,
  isNumeric,
  multiplyExact,
  subtractExact,
  sumExact,
  toNumber,
  type Numeric,
} from './exact-arithmetic';
import { indexedValuesAtPath } from './field-path';
import { compileFilter } from './filter-matcher';

/**
 * The operator set every mingo call of the engine runs with: mingo's own operators, except where mingo
 * would see stored BSON values differently from MongoDB. Documents reach mingo in their BSON types, so:
 * - `$match` and `$sort` stages, and mingo's own query operators (arrayFilters, `$pull` conditions,
 *   `$graphLookup`), use the engine's matcher and bson-order.ts;
 * - arithmetic (`$add`, `$subtract`, `$multiply`, `$divide`, `$sum`, `$avg`) is exact on int32/int64/
 *   Decimal128 with MongoDB's result types (exact-arithmetic.ts): Long amounts sum to a Long, Decimal128 to
 *   a Decimal128;
 * - comparisons (`$eq`...`$cmp`, `$in`, `$min`, `$max`) use compareBson, `$type` the stored BSON type;
 * - the remaining numeric operators (`$round`, `$sqrt`...) get int64/Decimal128 arguments as doubles.
 *
 * mingo's own entry points (`import { Aggregator } from 'mingo'`) merge their built-in operators over a
 * given context, so the engine uses the base classes (mingo/aggregator, mingo/query) with this context.
 */

type Operator = (...args: never[]) => unknown;
type OperatorTable = Record<string, Operator>;
type ExpressionOperator = (document: unknown, expression: unknown, options: Options) => unknown;
type AccumulatorOperator = (collection: Document[], expression: unknown, options: Options) => unknown;

function evaluate(document: unknown, expression: unknown, options: Options): unknown {
  return evalExpr(document, expression, options);
}

/** Operands of `$sum`/`$avg`/`$min`/`$max` as expressions: one operand that is an array is its elements. */
function operandValues(document: unknown, expression: unknown, options: Options): unknown[] {
  const evaluated = evaluate(document, expression, options);
  const operands = Array.isArray(expression) ? (evaluated as unknown[]) : [evaluated];
  if (operands.length === 1 && Array.isArray(operands[0])) return operands[0] as unknown[];
  return operands;
}

function argumentsOf(name: string, document: unknown, expression: unknown, options: Options): unknown[] {
  const evaluated = evaluate(document, expression, options);
  if (!Array.isArray(evaluated))
    throw new CommandError('TypeMismatch', `${name} needs an array of arguments`);
  return evaluated;
}

function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function assertNumeric(name: string, value: unknown): asserts value is Numeric {
  if (!isNumeric(value)) {
    throw new CommandError('TypeMismatch', `${name} only supports numeric types, not ${bsonTypeName(value)}`);
  }
}

const $add: ExpressionOperator = (document, expression, options) => {
  let total: Numeric = 0;
  let date: Date | undefined;
  for (const value of argumentsOf('$add', document, expression, options)) {
    if (isNil(value)) return null;
    if (value instanceof Date) {
      if (date !== undefined)
        throw new CommandError('TypeMismatch', 'only one date allowed in an $add expression');
      date = value;
      continue;
    }
    assertNumeric('$add', value);
    total = addExact(total, value);
  }
  return date === undefined ? total : new Date(date.getTime() + Math.round(toNumber(total)));
};

const $subtract: ExpressionOperator = (document, expression, options) => {
  const [left, right] = argumentsOf('$subtract', document, expression, options);
  if (isNil(left) || isNil(right)) return null;
  if (left instanceof Date && right instanceof Date) return Long.fromNumber(left.getTime() - right.getTime());
  if (left instanceof Date && isNumeric(right)) return new Date(left.getTime() - Math.round(toNumber(right)));
  assertNumeric('$subtract', left);
  assertNumeric('$subtract', right);
  return subtractExact(left, right);
};

const $multiply: ExpressionOperator = (document, expression, options) => {
  let product: Numeric = 1;
  for (const value of argumentsOf('$multiply', document, expression, options)) {
    if (isNil(value)) return null;
    assertNumeric('$multiply', value);
    product = multiplyExact(product, value);
  }
  return product;
};

const $divide: ExpressionOperator = (document, expression, options) => {
  const [left, right] = argumentsOf('$divide', document, expression, options);
  if (isNil(left) || isNil(right)) return null;
  assertNumeric('$divide', left);
  assertNumeric('$divide', right);
  return divideExact(left, right);
};

function extreme(values: unknown[], direction: 1 | -1): unknown {
  let chosen: unknown = null;
  for (const value of values) {
    if (isNil(value)) continue;
    if (chosen === null || compareBson(value, chosen) * direction > 0) chosen = value;
  }
  return chosen;
}

/** In expressions a missing value sorts below null (mongod's "missing"); everything else by bson-order. */
function compareExpressionValues(left: unknown, right: unknown): number {
  if (left === undefined || right === undefined) {
    return left === right ? 0 : left === undefined ? -1 : 1;
  }
  return compareBson(left, right);
}

function comparison(name: string, accepts: (order: number) => boolean): ExpressionOperator {
  return (document, expression, options) => {
    const operands = argumentsOf(name, document, expression, options);
    if (operands.length !== 2)
      throw new CommandError('BadValue', `Expression ${name} takes exactly 2 arguments`);
    return accepts(compareExpressionValues(operands[0], operands[1]));
  };
}

const $cmp: ExpressionOperator = (document, expression, options) => {
  const [left, right] = argumentsOf('$cmp', document, expression, options);
  return Math.sign(compareExpressionValues(left, right));
};

const $in: ExpressionOperator = (document, expression, options) => {
  const [value, candidates] = argumentsOf('$in', document, expression, options);
  if (!Array.isArray(candidates)) {
    throw new CommandError('BadValue', '$in requires an array as a second argument');
  }
  return candidates.some((candidate) => bsonEquals(candidate, value));
};

const $type: ExpressionOperator = (document, expression, options) => {
  const [value] = Array.isArray(expression)
    ? (evaluate(document, expression, options) as unknown[])
    : [evaluate(document, expression, options)];
  return bsonTypeName(value);
};

const $isNumber: ExpressionOperator = (document, expression, options) => {
  const [value] = Array.isArray(expression)
    ? (evaluate(document, expression, options) as unknown[])
    : [evaluate(document, expression, options)];
  return isNumeric(value);
};

function singleArgument(document: unknown, expression: unknown, options: Options): unknown {
  const value = evaluate(document, expression, options);
  return Array.isArray(expression) ? (value as unknown[])[0] : value;
}

function integerTextOf(value: unknown): string {
  if (isNumeric(value)) {
    const text = typeof value === 'number' ? String(Math.trunc(value)) : String(value);
    const [integerPart] = text.split('.');
    return integerPart ?? text;
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return String(value.getTime());
  if (typeof value === 'string') return value;
  throw new CommandError('ConversionFailure', `Unsupported conversion from ${bsonTypeName(value)} to long`);
}

const $toLong: ExpressionOperator = (document, expression, options) => {
  const value = singleArgument(document, expression, options);
  if (isNil(value)) return null;
  if (typeof value === 'number') return Long.fromNumber(Math.trunc(value));
  return Long.fromString(integerTextOf(value));
};

const $toDecimal: ExpressionOperator = (document, expression, options) => {
  const value = singleArgument(document, expression, options);
  if (isNil(value)) return null;
  if (typeof value === 'boolean') return Decimal128.fromString(value ? '1' : '0');
  if (value instanceof Date) return Decimal128.fromString(String(value.getTime()));
  if (isNumeric(value)) {
    return Decimal128.fromStringWithRounding(
      typeof value === 'number' ? String(value) : String(toText(value)),
    );
  }
  if (typeof value === 'string') return Decimal128.fromString(value);
  throw new CommandError(
    'ConversionFailure',
    `Unsupported conversion from ${bsonTypeName(value)} to decimal`,
  );
};

function toText(value: Numeric): string {
  if (typeof value === 'number') return String(value);
  if (value._bsontype === 'Double' || value._bsontype === 'Int32') return String(value.value);
  return String(value);
}

const $toDouble: ExpressionOperator = (document, expression, options) => {
  const value = singleArgument(document, expression, options);
  if (isNil(value)) return null;
  if (isNumeric(value)) return asDouble(toNumber(value));
  if (typeof value === 'boolean') return asDouble(value ? 1 : 0);
  if (value instanceof Date) return asDouble(value.getTime());
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return asDouble(Number(value));
  throw new CommandError('ConversionFailure', `Failed to parse number '${String(value)}' in $convert`);
};

const $toString: ExpressionOperator = (document, expression, options) => {
  const value = singleArgument(document, expression, options);
  if (isNumeric(value)) return toText(value);
  return (expressionOperators.$toString as ExpressionOperator)(document, expression, options);
};

/** A mingo operator that only knows JavaScript numbers, given int64/Decimal128 arguments as doubles. */
function withDoubleArguments(operator: unknown): ExpressionOperator {
  const original = operator as ExpressionOperator;
  return (document, expression, options) => {
    const evaluated = evaluate(document, expression, options);
    const literal = (value: unknown): unknown => ({ $literal: isNumeric(value) ? toNumber(value) : value });
    const rewritten = Array.isArray(expression) ? (evaluated as unknown[]).map(literal) : literal(evaluated);
    return original(document, rewritten, options);
  };
}

const DOUBLE_ARGUMENT_OPERATORS = [
  '$abs',
  '$ceil',
  '$floor',
  '$round',
  '$trunc',
  '$sqrt',
  '$pow',
  '$exp',
  '$ln',
  '$log',
  '$log10',
  '$mod',
  '$toInt',
  '$toBool',
  '$convert',
  '$arrayElemAt',
  '$range',
  '$sin',
  '$cos',
  '$tan',
] as const;

const expressionOverrides: OperatorTable = {
  $add,
  $subtract,
  $multiply,
  $divide,
  $sum: groupOrExpression(sumExact),
  $avg: groupOrExpression(averageExact),
  $min: groupOrExpression((values) => extreme(values, -1)),
  $max: groupOrExpression((values) => extreme(values, 1)),
  $eq: comparison('$eq', (order) => order === 0),
  $ne: comparison('$ne', (order) => order !== 0),
  $gt: comparison('$gt', (order) => order > 0),
  $gte: comparison('$gte', (order) => order >= 0),
  $lt: comparison('$lt', (order) => order < 0),
  $lte: comparison('$lte', (order) => order <= 0),
  $cmp,
  $in,
  $type,
  $isNumber,
  $toLong,
  $toDecimal,
  $toDouble,
  $toString,
};
for (const name of DOUBLE_ARGUMENT_OPERATORS) {
  const original = (expressionOperators as unknown as OperatorTable)[name];
  if (original !== undefined) expressionOverrides[name] = withDoubleArguments(original);
}

function accumulated(collection: Document[], expression: unknown, options: Options): unknown[] {
  const push = accumulatorOperators.$push as unknown as AccumulatorOperator;
  return push(collection, expression, options) as unknown[];
}

/**
 * `$sum`, `$avg`, `$min` and `$max` are both accumulators (in `$group`, where mingo evaluates them on the
 * group's documents, which are then the root) and expressions (on one document's operands).
 */
function groupOrExpression(reduce: (values: unknown[]) => unknown): ExpressionOperator {
  return (input, expression, options) => {
    const root = (options as { local?: { root?: unknown } }).local?.root;
    const inGroup = Array.isArray(input) && root === input;
    return reduce(
      inGroup
        ? accumulated(input as Document[], expression, options)
        : operandValues(input, expression, options),
    );
  };
}

const accumulatorOverrides: OperatorTable = {
  $sum: ((collection, expression, options) =>
    sumExact(accumulated(collection, expression, options))) as AccumulatorOperator,
  $avg: ((collection, expression, options) =>
    averageExact(accumulated(collection, expression, options))) as AccumulatorOperator,
  $min: ((collection, expression, options) =>
    extreme(accumulated(collection, expression, options), -1)) as AccumulatorOperator,
  $max: ((collection, expression, options) =>
    extreme(accumulated(collection, expression, options), 1)) as AccumulatorOperator,
};

type PipelineOperator = (collection: LazyIterator, specification: unknown, options: Options) => LazyIterator;

/**
 * `$lookup` with `localField`/`foreignField`: joins by BSON equality (a Long 5 joins a 5; arrays on either
 * side join by any element; missing joins null), then runs the optional `pipeline` on the joined
 * documents only, as MongoDB 5+ does (mingo ran it over the whole foreign collection).
 */
const $lookup: PipelineOperator = (collection, specification, options) => {
  const spec = specification as Document;
  const localField = spec['localField'];
  const foreignField = spec['foreignField'];
  if (
    typeof localField !== 'string' ||
    typeof foreignField !== 'string' ||
    typeof spec['from'] !== 'string'
  ) {
    return (pipelineOperators.$lookup as unknown as PipelineOperator)(collection, specification, options);
  }
  const foreign = options.collectionResolver?.(spec['from']) ?? [];
  const byKey = new Map<string, Document[]>();
  for (const document of foreign as Document[]) {
    for (const key of new Set(indexedValuesAtPath(document, foreignField).map(canonicalKey))) {
      const joined = byKey.get(key);
      if (joined === undefined) byKey.set(key, [document]);
      else joined.push(document);
    }
  }
  const pipeline = (spec['pipeline'] as Document[] | undefined) ?? [];
  const subPipeline = pipeline.length > 0 ? new Aggregator(pipeline, options) : undefined;
  const as = String(spec['as']);
  return collection.map((document: Document) => {
    const matched = new Set<Document>();
    for (const value of indexedValuesAtPath(document, localField)) {
      for (const joined of byKey.get(canonicalKey(value)) ?? []) matched.add(joined);
    }
    const ordered = (foreign as Document[]).filter((candidate) => matched.has(candidate));
    if (subPipeline === undefined) return { ...document, [as]: ordered };
    const variables = spec['let'] === undefined ? {} : evalExpr(document, spec['let'], options);
    const subOptions = COMPUTE_OPTIONS.init(options);
    subOptions.update({ root: null, variables } as unknown as { root: unknown });
    return { ...document, [as]: subPipeline.run(ordered, subOptions as unknown as Options) };
  });
};

const pipelineOverrides: OperatorTable = {
  $lookup,
  $match: ((collection, specification, options) => {
    const predicate = compileFilter(specification as Document, options);
    return collection.filter((document: Document) => predicate(document));
  }) as PipelineOperator,
  $sort: ((collection, specification) => {
    if (
      specification === null ||
      typeof specification !== 'object' ||
      Object.keys(specification).length === 0
    ) {
      throw new CommandError('BadValue', '$sort stage must have at least one sort key');
    }
    return collection.transform((documents: Document[]) =>
      Lazy(sortDocuments(documents, specification as Document)),
    );
  }) as PipelineOperator,
};

/** mingo's field-level query operators, answered by the engine's matcher (filter-matcher.ts). */
const FIELD_QUERY_OPERATORS = [
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$type',
  '$regex',
  '$size',
  '$all',
  '$elemMatch',
  '$mod',
  '$not',
  '$bitsAllSet',
  '$bitsAnySet',
  '$bitsAllClear',
  '$bitsAnyClear',
];
const queryOverrides: OperatorTable = {
  $expr: ((_selector: string, expression: unknown, options: Options) => {
    const predicate = compileFilter({ $expr: expression }, options);
    return (document: Document) => predicate(document);
  }) as Operator,
};
for (const name of FIELD_QUERY_OPERATORS) {
  queryOverrides[name] = ((selector: string, operand: unknown, options: Options) => {
    const predicate = compileFilter({ [selector]: { [name]: operand } }, options);
    return (document: Document) => predicate(document);
  }) as Operator;
}

const EMULATOR_CONTEXT = Context.init({
  accumulator: { ...accumulatorOperators, ...accumulatorOverrides },
  expression: { ...expressionOperators, ...expressionOverrides },
  pipeline: { ...pipelineOperators, ...pipelineOverrides },
  projection: { ...projectionOperators },
  query: { ...queryOperators, ...queryOverrides },
  window: { ...windowOperators },
} as unknown as Parameters<typeof Context.init>[0]);

/**
 * Options for mingo calls that build new documents (aggregation, projection). Inputs are cloned because
 * several mingo stages write into the documents they receive, and what they receive are the engine's
 * stored documents.
 */
export function mingoOptions(collectionResolver?: (name: string) => Document[]): Partial<Options> {
  return {
    context: EMULATOR_CONTEXT,
    processingMode: ProcessingMode.CLONE_INPUT,
    useStrictMode: true,
    scriptEnabled: false,
    ...(collectionResolver !== undefined ? { collectionResolver } : {}),
  };
}

/** `options` with a command's `let` variables readable as `$$name`; unchanged without variables. */
export function withVariables(options: Partial<Options>, variables: Document | undefined): Partial<Options> {
  return variables === undefined ? options : { ...options, variables };
}

/** For mingo calls that must hand back the very objects they were given. */
export function readOnlyMingoOptions(): Partial<Options> {
  return {
    context: EMULATOR_CONTEXT,
    processingMode: ProcessingMode.CLONE_OFF,
    useStrictMode: true,
    scriptEnabled: false,
  };
}

interface ComputeOptionsLike {
  update(locals: { root: unknown }): unknown;
}

/**
 * mingo's ComputeOptions class, which mingo/core does not export. Evaluating with an instance whose root
 * is set skips copying the whole operator context on every call, which plain options would cost.
 */
const capturingContext = Context.init({
  expression: { $captureOptions: (_document: unknown, _expression: unknown, options: unknown) => options },
} as unknown as Parameters<typeof Context.init>[0]);
const COMPUTE_OPTIONS = (
  evalExpr({}, { $captureOptions: null }, { context: capturingContext } as Options) as object
).constructor as unknown as { init(options: Partial<Options>): ComputeOptionsLike };

/**
 * Evaluates an aggregation expression against documents (`$expr`), with variables from `options` (a
 * `$lookup`'s `let`, say). The options are prepared once; each call only changes the root document.
 */
export function expressionEvaluator(options?: object): (document: unknown, expression: unknown) => unknown {
  const computeOptions = COMPUTE_OPTIONS.init((options ?? readOnlyMingoOptions()) as Partial<Options>);
  return (document, expression) =>
    evalExpr(document, expression, computeOptions.update({ root: document }) as Options);
}

/** MongoDB truthiness: false, null, missing and zero of any numeric type are false; all else is true. */
export function isTruthy(value: unknown): boolean {
  if (value === false || value === null || value === undefined) return false;
  if (isNumeric(value)) return toNumber(value) !== 0;
  return true;
}
