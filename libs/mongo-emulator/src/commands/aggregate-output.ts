import { ObjectId, type Document } from 'bson';
import type { CommandContext } from './command-context';
import { CommandError } from './command-error';
import { selectDocuments } from '../query/document-selection';
import { idKeyOf } from '../storage/document-id';
import { DuplicateKeyError } from '../storage/duplicate-key.error';
import type { Collection } from '../storage/collection';

/** The final stages that write the pipeline's output to a collection instead of returning it. */
export const OUTPUT_STAGES = new Set(['$out', '$merge']);

interface OutputTarget {
  readonly databaseName: string;
  readonly collectionName: string;
}

/**
 * Writes an aggregation's output for its final `$out` or `$merge` stage. Not inside transactions: mongod
 * refuses both there.
 */
export function writeAggregateOutput(context: CommandContext, stage: Document, documents: Document[]): void {
  assertOutputAllowed(context, stage);
  if (stage['$out'] !== undefined) writeOut(context, outputTarget(context, stage['$out'], '$out'), documents);
  else writeMerge(context, stage['$merge'], documents);
}

/** Checked before the pipeline runs: where mongod refuses an output stage. */
export function assertOutputAllowed(context: CommandContext, stage: Document): void {
  const name = Object.keys(stage)[0] ?? '';
  if (context.transaction !== undefined) {
    throw new CommandError('OperationNotSupportedInTransaction', `${name} cannot be used in a transaction`);
  }
  const readConcern = context.command['readConcern'] as Document | undefined;
  if (readConcern?.['level'] === 'linearizable') {
    throw new CommandError('InvalidOptions', `readConcern level linearizable is not allowed with ${name}`);
  }
}

function outputTarget(context: CommandContext, spec: unknown, stageName: string): OutputTarget {
  if (typeof spec === 'string' && spec !== '') {
    return { databaseName: context.databaseName, collectionName: spec };
  }
  if (spec !== null && typeof spec === 'object' && !Array.isArray(spec)) {
    const { db, coll } = spec as Document;
    if (typeof coll === 'string' && coll !== '' && (db === undefined || typeof db === 'string')) {
      return { databaseName: typeof db === 'string' ? db : context.databaseName, collectionName: coll };
    }
  }
  throw new CommandError('FailedToParse', `${stageName} needs a collection name or { db, coll }`);
}

/**
 * `$out` replaces the target's documents with the output, all or nothing: the new contents (with the
 * target's indexes, so a unique index still refuses duplicates) are built aside, then swapped in.
 */
function writeOut(context: CommandContext, target: OutputTarget, documents: Document[]): void {
  const { engine } = context;
  const existing = engine.collection(target.databaseName, target.collectionName);
  const options = existing?.options ?? {};
  const indexes = existing?.indexDefinitions().slice(1) ?? [];
  const staged = engine.detachedCollection(target.databaseName, target.collectionName, options);
  for (const index of indexes) staged.createIndex(index);
  const withIds = documents.map(withId);
  for (const document of withIds) staged.insert(document);
  engine.atomically(() => {
    engine.dropCollection(target.databaseName, target.collectionName);
    const replacement = engine.createCollection(target.databaseName, target.collectionName, options);
    for (const index of indexes) replacement.createIndex(index);
    for (const document of withIds) replacement.insert(document);
  });
}

const WHEN_MATCHED = new Set(['replace', 'keepExisting', 'merge', 'fail']);
const WHEN_NOT_MATCHED = new Set(['insert', 'discard', 'fail']);

/**
 * `$merge` into a collection, matching output documents to existing ones on `on` (default `_id`).
 * `whenMatched`: replace, keepExisting, merge, fail; `whenNotMatched`: insert, discard, fail. A pipeline
 * for `whenMatched` is refused as not supported rather than ignored.
 */
function writeMerge(context: CommandContext, spec: unknown, documents: Document[]): void {
  const settings: Document =
    typeof spec === 'string' || (spec !== null && typeof spec === 'object' && !('into' in (spec as Document)))
      ? { into: spec }
      : (spec as Document);
  const target = outputTarget(context, settings['into'], '$merge');
  const on = settings['on'] === undefined ? ['_id'] : [settings['on']].flat();
  if (on.length === 0 || on.some((field) => typeof field !== 'string')) {
    throw new CommandError('FailedToParse', "$merge 'on' must be a field name or an array of field names");
  }
  const whenMatched = settings['whenMatched'] ?? 'merge';
  const whenNotMatched = settings['whenNotMatched'] ?? 'insert';
  if (typeof whenMatched !== 'string' || !WHEN_MATCHED.has(whenMatched)) {
    throw new CommandError(
      'BadValue',
      "$merge whenMatched must be 'replace', 'keepExisting', 'merge' or 'fail' (a pipeline is not supported by the MongoDB emulator)",
    );
  }
  if (typeof whenNotMatched !== 'string' || !WHEN_NOT_MATCHED.has(whenNotMatched)) {
    throw new CommandError('BadValue', "$merge whenNotMatched must be 'insert', 'discard' or 'fail'");
  }
  const collection = context.engine.collectionForWrite(target.databaseName, target.collectionName);
  for (const output of documents) {
    const existing = findMatch(collection, output, on as string[]);
    if (existing === undefined) {
      if (whenNotMatched === 'fail') {
        throw new CommandError(
          'MergeStageNoMatchingDocument',
          '$merge could not find a matching document in the target collection',
        );
      }
      if (whenNotMatched === 'insert') collection.insert(withId(output));
      continue;
    }
    if (whenMatched === 'keepExisting') continue;
    if (whenMatched === 'fail') {
      const keyPattern = Object.fromEntries(on.map((field) => [field, 1]));
      const keyValue = Object.fromEntries(on.map((field) => [field, output[field]]));
      throw new DuplicateKeyError(
        collection.namespace,
        on.length === 1 && on[0] === '_id' ? '_id_' : on.join('_'),
        keyPattern,
        keyValue,
      );
    }
    const { _id: _outputId, ...fields } = output;
    const replacement =
      whenMatched === 'replace'
        ? { _id: existing['_id'], ...fields }
        : { ...existing, ...fields, _id: existing['_id'] };
    collection.replace(idKeyOf(existing), replacement);
  }
}

function findMatch(collection: Collection, output: Document, on: string[]): Document | undefined {
  const filter: Document = {};
  for (const field of on) {
    if (output[field] === undefined && field !== '_id') {
      throw new CommandError(
        'BadValue',
        `$merge write error: 'on' field '${field}' is missing in an output document`,
      );
    }
    filter[field] = output[field];
  }
  if (on.length === 1 && on[0] === '_id') {
    return output['_id'] === undefined ? undefined : collection.get(idKeyOf(output));
  }
  // mongod requires a unique index on the 'on' fields: the planner finds the match through it.
  const [match] = selectDocuments(collection, filter, { limit: 1 });
  return match;
}

function withId(document: Document): Document {
  return document['_id'] === undefined ? { _id: new ObjectId(), ...document } : document;
}
