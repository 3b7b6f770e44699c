import { ObjectId, type Document } from 'bson';
import { update as mingoUpdate, updateOne as mingoUpdatePipeline } from 'mingo';
import type { Modifier, PipelineStage } from 'mingo/updater';
import { CommandError } from '../commands/command-error';
import { canonicalKey } from '../storage/canonical-key';
import { comparableDocument } from './comparable-value';
import { cloneValue } from './document-clone';
import {
  addExact,
  compareExact,
  isNumeric,
  multiplyExact,
  isNumericWrapper,
  zeroLike,
  type Numeric,
} from './exact-arithmetic';
import { valueAtPath } from './field-path';
import { readOnlyMingoOptions, translateMingoError } from './mingo-options';
import { seedFromFilter } from './upsert-seed';
import { restoreWrappers } from './wrapper-restoration';

export interface UpdateOptions {
  readonly arrayFilters?: Document[] | undefined;
  /** The statement's filter; positional `$` paths resolve against it. */
  readonly filter?: Document | undefined;
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
  return { _id: id ?? new ObjectId(), ...fields };
}

function updateDocument(
  original: Document,
  update: Document | Document[],
  options: UpdateOptions,
  inserting: boolean,
): Document {
  let updated: Document;
  if (Array.isArray(update)) updated = applyPipeline(original, update);
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

/** Runs on the comparable form so expressions see numbers; untouched numbers get their type back. */
function applyPipeline(original: Document, pipeline: Document[]): Document {
  const documents = [cloneValue(comparableDocument(original))];
  try {
    mingoUpdatePipeline(documents, {}, pipeline as PipelineStage[], {}, readOnlyMingoOptions());
  } catch (error) {
    throw translateMingoError(error, 'UnrecognizedPipelineStage');
  }
  return restoreWrappers(documents[0], original, new Map()) as Document;
}

function applyOperators(
  original: Document,
  update: Document,
  options: UpdateOptions,
  inserting: boolean,
): Document {
  const modifier = prepareModifier(original, update, inserting);
  const assignedId = takeIdAssignment(original, modifier);
  const updated =
    assignedId === undefined ? cloneValue(original) : { _id: assignedId, ...cloneValue(original) };
  if (Object.keys(modifier).length === 0) return updated;
  try {
    mingoUpdate(
      updated,
      modifier as Modifier<Document>,
      options.arrayFilters,
      positionalCondition(modifier, options.filter),
      {
        cloneMode: 'deep',
        queryOptions: readOnlyMingoOptions(),
      },
    );
  } catch (error) {
    throw translateMingoError(error);
  }
  return updated;
}

/**
 * Validates operators and paths, folds `$setOnInsert` into `$set` when inserting (drops it otherwise),
 * and turns arithmetic on Decimal128/Long into exact `$set`s (see exact-arithmetic.ts).
 */
function prepareModifier(original: Document, update: Document, inserting: boolean): Document {
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
  foldExactArithmetic(original, modifier);
  return modifier;
}

/**
 * mingo skips the whole update when the document fails the condition it is given, so it only gets the
 * filter clauses that locate the array element for a positional `$` path (nothing otherwise).
 */
function positionalCondition(modifier: Document, filter: Document | undefined): Document | undefined {
  if (filter === undefined) return undefined;
  const arrayFields = new Set<string>();
  for (const fields of Object.values(modifier)) {
    for (const path of Object.keys(fields as Document)) {
      const marker = path.indexOf('.$.');
      const trailing = path.endsWith('.$') ? path.length - 2 : -1;
      const end = marker >= 0 ? marker : trailing;
      if (end > 0) arrayFields.add(path.slice(0, end));
    }
  }
  if (arrayFields.size === 0) return undefined;
  const clauses = Object.entries(filter).filter(([field]) =>
    [...arrayFields].some((arrayField) => field === arrayField || field.startsWith(`${arrayField}.`)),
  );
  return Object.fromEntries(clauses);
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

const ARITHMETIC: Record<string, (current: Numeric | undefined, operand: Numeric) => Numeric> = {
  $inc: (current, operand) => (current === undefined ? operand : addExact(current, operand)),
  $mul: (current, operand) => (current === undefined ? zeroLike(operand) : multiplyExact(current, operand)),
  $min: (current, operand) =>
    current === undefined || compareExact(operand, current) < 0 ? operand : current,
  $max: (current, operand) =>
    current === undefined || compareExact(operand, current) > 0 ? operand : current,
};

function foldExactArithmetic(original: Document, modifier: Document): void {
  for (const [operator, compute] of Object.entries(ARITHMETIC)) {
    const fields = modifier[operator] as Document | undefined;
    if (fields === undefined) continue;
    for (const [path, operand] of Object.entries(fields)) {
      if (path.includes('$')) continue;
      const current = valueAtPath(original, path);
      const arithmetic = operator === '$inc' || operator === '$mul';
      if (arithmetic && !isNumeric(operand)) {
        throw new CommandError(
          'TypeMismatch',
          `Cannot ${operator === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${String(operand)}}`,
        );
      }
      if (arithmetic && current !== undefined && current !== null && !isNumeric(current)) {
        throw new CommandError(
          'TypeMismatch',
          `Cannot apply ${operator} to a value of non-numeric type. {_id: ${String(original['_id'])}} has the field '${path}' of non-numeric type ${typeof current}`,
        );
      }
      // $inc/$mul always: mingo would not widen int32 overflow to long nor keep integral doubles doubles.
      if (!arithmetic && !isNumericWrapper(current) && !isNumericWrapper(operand)) continue;
      if (!isNumeric(operand) || (current !== undefined && !isNumeric(current))) continue;
      modifier['$set'] = { ...(modifier['$set'] as Document | undefined), [path]: compute(current, operand) };
      delete fields[path];
    }
    if (Object.keys(fields).length === 0) delete modifier[operator];
  }
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
