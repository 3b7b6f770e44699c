import { ObjectId, type Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { update as mingoUpdate, type Modifier } from 'mingo/updater';
import { CommandError } from '../commands/command-error';
import { canonicalKey } from '../storage/canonical-key';
import { assertValidIdField } from '../storage/id-field-validation';
import { bsonEquals, bsonTypeName, compareBson } from './bson-order';
import { cloneValue } from './document-clone';
import { addExact, isNumeric, multiplyExact, zeroLike, type Numeric } from './exact-arithmetic';
import { valueAtPath } from './field-path';
import { compileFilter, isOperatorObject, isPlainObject } from './filter-matcher';
import { validatePipeline } from './aggregation-runner';
import { readOnlyMingoOptions, withVariables } from './mingo-context';
import { translateMingoError } from './mingo-error';
import { resolveArrayPaths } from './positional-paths';
import { seedFromFilter } from './upsert-seed';

export interface UpdateOptions {
  readonly arrayFilters?: Document[] | undefined;
  /** The statement's filter; positional `$` paths resolve against it. */
  readonly filter?: Document | undefined;
  /** The command's `let` variables, for pipeline updates. */
  readonly variables?: Document | undefined;
}

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$currentDate',
  '$bit',
  '$setOnInsert',
]);

export function isReplacement(update: unknown): update is Document {
  if (Array.isArray(update)) return false;
  const keys = Object.keys(update as Document);
  return keys.length === 0 || !keys[0]?.startsWith('$');
}

/** Returns the updated copy of `original`; the original (a stored document) is left untouched. */
export function applyUpdate(
  original: Document,
  update: Document | Document[],
  options: UpdateOptions = {},
): Document {
  return updateDocument(original, update, options, false);
}

/** The document an upsert inserts: filter equalities (or the replacement) plus the update, with an `_id`. */
export function buildUpsertDocument(
  filter: Document | undefined,
  update: Document | Document[],
  options: UpdateOptions = {},
): Document {
  const seed = seedFromFilter(filter);
  const built = isReplacement(update)
    ? replaceDocument(seed['_id'] === undefined ? {} : { _id: seed['_id'] }, update)
    : updateDocument(seed, update, options, true);
  const { _id: id, ...fields } = built;
  assertValidIdField(id);
  // Only a missing _id is generated: `{_id: null}` in the filter upserts a document whose _id is null.
  return { _id: id === undefined ? new ObjectId() : id, ...fields };
}

function updateDocument(
  original: Document,
  update: Document | Document[],
  options: UpdateOptions,
  inserting: boolean,
): Document {
  let updated: Document;
  if (Array.isArray(update)) updated = applyPipeline(original, update, options.variables);
  else if (isReplacement(update)) updated = replaceDocument(original, update);
  else updated = applyOperators(original, update, options, inserting);
  assertIdUnchanged(original, updated);
  return updated;
}

function replaceDocument(original: Document, replacement: Document): Document {
  const { _id: requestedId, ...fields } = cloneValue(replacement);
  for (const field of Object.keys(fields)) {
    if (field.startsWith('$'))
      throw new CommandError(
        'BadValue',
        `The dollar ($) prefixed field '${field}' is not allowed in a replacement`,
      );
  }
  const id = original['_id'] !== undefined ? original['_id'] : requestedId;
  const replaced: Document = id === undefined ? fields : { _id: id, ...fields };
  if (
    requestedId !== undefined &&
    original['_id'] !== undefined &&
    canonicalKey(requestedId) !== canonicalKey(original['_id'])
  ) {
    throw new CommandError(
      'ImmutableField',
      "After applying the update, the (immutable) field '_id' was found to have been altered",
    );
  }
  return replaced;
}

/**
 * The stages mongod allows in an update pipeline (pipeline_executor.cpp: isAllowedWithinUpdatePipeline);
 * any other known stage is refused with InvalidOptions, an unknown one (validatePipeline) with 40324.
 */
const UPDATE_PIPELINE_STAGES = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

/**
 * Runs the stages as an aggregation over the one document, in its BSON types with the engine's operators
 * (mingo-context.ts). The result is stored as computed: a pipeline may create field names containing dots
 * or starting with `$` (`$setField`), which MongoDB stores since 5.0 and operator updates cannot reach.
 */
function applyPipeline(original: Document, pipeline: Document[], variables: Document | undefined): Document {
  validatePipeline(pipeline);
  for (const stage of pipeline) {
    const [name] = Object.keys(stage);
    if (!UPDATE_PIPELINE_STAGES.has(name as string))
      throw new CommandError('InvalidOptions', `${name} is not allowed to be used within an update`);
  }
  let updated: Document;
  try {
    // Each allowed stage maps one document to exactly one.
    [updated] = new Aggregator(pipeline, withVariables(readOnlyMingoOptions(), variables)).run<Document>([
      cloneValue(original),
    ]) as [Document];
  } catch (error) {
    throw translateMingoError(error, 'UnrecognizedPipelineStage');
  }
  // A $replaceWith/$replaceRoot/$project whose output has no _id keeps the document's own, as in mongod.
  if (updated['_id'] === undefined && original['_id'] !== undefined)
    return { _id: original['_id'], ...updated };
  return updated;
}

function applyOperators(
  original: Document,
  update: Document,
  options: UpdateOptions,
  inserting: boolean,
): Document {
  const prepared = prepareModifier(update, inserting);
  const assignedId = takeIdAssignment(original, prepared);
  const modifier = resolveArrayPaths(original, prepared, options.filter, options.arrayFilters);
  foldComparisons(original, modifier);
  foldArrayOperators(original, modifier);
  const updated =
    assignedId === undefined ? cloneValue(original) : { _id: assignedId, ...cloneValue(original) };
  if (Object.keys(modifier).length === 0) return updated;
  try {
    mingoUpdate(updated, modifier as Modifier<Document>, undefined, undefined, {
      cloneMode: 'deep',
      queryOptions: readOnlyMingoOptions(),
    });
  } catch (error) {
    throw translateMingoError(error);
  }
  return updated;
}

/** Validates operators and paths, folds `$setOnInsert` into `$set` when inserting (drops it otherwise). */
function prepareModifier(update: Document, inserting: boolean): Document {
  const modifier: Document = {};
  for (const [operator, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(operator)) {
      throw new CommandError(
        'FailedToParse',
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
      throw new CommandError(
        'FailedToParse',
        `Modifiers operate on fields but we found type ${typeof fields} instead.`,
      );
    }
    if (operator === '$setOnInsert') {
      if (inserting)
        modifier['$set'] = { ...(modifier['$set'] as Document | undefined), ...(fields as Document) };
      continue;
    }
    modifier[operator] = { ...(modifier[operator] as Document | undefined), ...(fields as Document) };
  }
  assertNoConflictingPaths(modifier);
  return modifier;
}

/**
 * mingo refuses every update touching `_id`, but MongoDB allows setting it to its current value, and an
 * upsert may set it while inserting. Removes such `$set`s from the modifier and returns the new `_id`.
 */
function takeIdAssignment(original: Document, modifier: Document): unknown {
  let assignedId: unknown;
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, value] of Object.entries(fields as Document)) {
      if (path !== '_id' && !path.startsWith('_id.')) continue;
      const settable = operator === '$set' && path === '_id';
      const unchanged =
        original['_id'] !== undefined && canonicalKey(value) === canonicalKey(original['_id']);
      if (!settable || (original['_id'] !== undefined && !unchanged)) {
        throw new CommandError(
          'ImmutableField',
          "Performing an update on the path '_id' would modify the immutable field '_id'",
        );
      }
      if (original['_id'] === undefined) assignedId = cloneValue(value);
      delete (fields as Document)[path];
    }
    if (Object.keys(fields as Document).length === 0) delete modifier[operator];
  }
  return assignedId;
}

function assertNoConflictingPaths(modifier: Document): void {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, value] of Object.entries(fields as Document)) {
      paths.push(path);
      if (operator === '$rename' && typeof value === 'string') paths.push(value);
    }
  }
  const sorted = [...paths].sort();
  for (let position = 1; position < sorted.length; position++) {
    const previous = sorted[position - 1] as string;
    const current = sorted[position] as string;
    if (current === previous || current.startsWith(`${previous}.`)) {
      throw new CommandError(
        'ConflictingUpdateOperators',
        `Updating the path '${current}' would create a conflict at '${previous}'`,
      );
    }
  }
}

/**
 * `$inc`, `$mul`, `$min` and `$max` become `$set`s of values computed here: arithmetic is exact with
 * MongoDB's result types (exact-arithmetic.ts) and `$min`/`$max` compare in BSON order across types
 * (bson-order.ts). Paths are concrete by now (positional-paths.ts).
 */
const COMPUTED: Record<string, (current: unknown, operand: unknown) => unknown> = {
  $inc: (current, operand) =>
    current === undefined || current === null ? operand : addExact(current as Numeric, operand as Numeric),
  $mul: (current, operand) =>
    current === undefined || current === null
      ? zeroLike(operand as Numeric)
      : multiplyExact(current as Numeric, operand as Numeric),
  $min: (current, operand) =>
    current === undefined || compareBson(operand, current) < 0 ? cloneValue(operand) : current,
  $max: (current, operand) =>
    current === undefined || compareBson(operand, current) > 0 ? cloneValue(operand) : current,
};

function foldComparisons(original: Document, modifier: Document): void {
  for (const [operator, compute] of Object.entries(COMPUTED)) {
    const fields = modifier[operator] as Document | undefined;
    if (fields === undefined) continue;
    for (const [path, operand] of Object.entries(fields)) {
      const current = valueAtPath(original, path);
      if (operator === '$inc' || operator === '$mul')
        assertArithmetic(original, operator, path, current, operand);
      setField(modifier, path, compute(current, operand));
    }
    delete modifier[operator];
  }
}

function assertArithmetic(
  original: Document,
  operator: string,
  path: string,
  current: unknown,
  operand: unknown,
): void {
  if (!isNumeric(operand)) {
    throw new CommandError(
      'TypeMismatch',
      `Cannot ${operator === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${String(operand)}}`,
    );
  }
  if (current !== undefined && current !== null && !isNumeric(current)) {
    throw new CommandError(
      'TypeMismatch',
      `Cannot apply ${operator} to a value of non-numeric type. {_id: ${String(original['_id'])}} has the field '${path}' of non-numeric type ${bsonTypeName(current)}`,
    );
  }
}

function setField(modifier: Document, path: string, value: unknown): void {
  modifier['$set'] = { ...(modifier['$set'] as Document | undefined), [path]: value };
}

/**
 * `$addToSet`, `$pull` and `$pullAll` become `$set`s of the new array, so that which elements are equal
 * (or match a `$pull` condition) is decided by bson-order.ts: a stored Long 5 is the number 5.
 */
function foldArrayOperators(original: Document, modifier: Document): void {
  for (const operator of ['$addToSet', '$pull', '$pullAll']) {
    const fields = modifier[operator] as Document | undefined;
    if (fields === undefined) continue;
    for (const [path, operand] of Object.entries(fields)) {
      const current = valueAtPath(original, path);
      if (current === undefined && operator !== '$addToSet') continue;
      if (current !== undefined && !Array.isArray(current)) {
        const field = path.split('.').at(-1) ?? path;
        throw new CommandError(
          'BadValue',
          `Cannot apply ${operator} to non-array field. Field named '${field}' has non-array type ${bsonTypeName(current)}`,
        );
      }
      const elements = (current ?? []) as unknown[];
      const next =
        operator === '$addToSet'
          ? addToSet(elements, operand)
          : operator === '$pull'
            ? elements.filter(negatePredicate(pullPredicate(operand)))
            : elements.filter(negatePredicate(pullAllPredicate(operand)));
      if (current === undefined || next.length !== elements.length) setField(modifier, path, next);
    }
    delete modifier[operator];
  }
}

function addToSet(elements: unknown[], operand: unknown): unknown[] {
  let additions: unknown[] = [operand];
  if (isPlainObject(operand) && '$each' in operand) {
    if (!Array.isArray(operand['$each'])) {
      throw new CommandError('TypeMismatch', 'The argument to $each in $addToSet must be an array');
    }
    additions = operand['$each'] as unknown[];
  }
  const next = [...elements];
  for (const value of additions) {
    if (!next.some((element) => bsonEquals(element, value))) next.push(cloneValue(value));
  }
  return next;
}

function negatePredicate(predicate: (value: unknown) => boolean): (value: unknown) => boolean {
  return (value) => !predicate(value);
}

/**
 * `$pull` removes elements equal to a value, matching a condition on the element (`{$gte: 5}`), or, for
 * a document without operators, elements that are documents matching it as a query.
 */
function pullPredicate(operand: unknown): (value: unknown) => boolean {
  if (isOperatorObject(operand) || operand instanceof RegExp) {
    const predicate = compileFilter({ element: operand });
    return (value) => predicate({ element: value });
  }
  if (isPlainObject(operand)) {
    const predicate = compileFilter(operand);
    return (value) => isPlainObject(value) && predicate(value);
  }
  return (value) => bsonEquals(value, operand);
}

function pullAllPredicate(operand: unknown): (value: unknown) => boolean {
  if (!Array.isArray(operand)) {
    throw new CommandError('BadValue', '$pullAll requires an array argument');
  }
  return (value) => operand.some((candidate) => bsonEquals(value, candidate));
}

function assertIdUnchanged(original: Document, updated: Document): void {
  if (original['_id'] === undefined) return;
  if (updated['_id'] === undefined || canonicalKey(updated['_id']) !== canonicalKey(original['_id'])) {
    throw new CommandError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
}
