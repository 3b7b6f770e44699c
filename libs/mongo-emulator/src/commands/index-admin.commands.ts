import type { Document } from 'bson';
import { documentArray, namespaceOf, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { canonicalKey } from '../storage/canonical-key';
import type { Collection } from '../storage/collection';
import { ID_INDEX_NAME, indexDefinitionFrom, type IndexDefinition } from '../storage/index-definition';

function createIndexes(context: CommandContext): Document {
  const name = targetCollection(context);
  const { transaction } = context;
  const existing =
    transaction === undefined
      ? context.engine.collection(context.databaseName, name)
      : transaction.collectionObject(context.databaseName, name);
  if (transaction !== undefined && existing !== undefined && !transaction.created(existing)) {
    throw new CommandError(
      'OperationNotSupportedInTransaction',
      `Cannot create new indexes on existing collection ${namespaceOf(context, name)} in a multi-document transaction.`,
    );
  }
  const collection =
    existing ??
    (transaction === undefined
      ? context.engine.createCollection(context.databaseName, name)
      : transaction.createCollection(context.databaseName, name));
  const before = collection.indexDefinitions().length;
  for (const spec of documentArray(context.command, 'indexes')) {
    const collation = (spec as Document)['collation'] as Document | undefined;
    if (collation !== undefined && collation['locale'] !== 'simple') {
      // Index keys are kept in binary order: a collated (say case-insensitive unique) index would not hold.
      throw new CommandError(
        'CannotCreateIndex',
        'indexes with a collation are not supported by the MongoDB emulator',
      );
    }
    const definition = indexDefinitionFrom(spec);
    if (!isAlreadyPresent(collection, definition)) collection.createIndex(definition);
  }
  return {
    numIndexesBefore: before,
    numIndexesAfter: collection.indexDefinitions().length,
    createdCollectionAutomatically: existing === undefined,
  };
}

/** Same name and key with the same options is a no-op; any other clash is an error, as in MongoDB. */
function isAlreadyPresent(collection: Collection, requested: IndexDefinition): boolean {
  const requestedKey = canonicalKey(requested.key);
  for (const index of collection.indexDefinitions()) {
    const sameKey = canonicalKey(index.key) === requestedKey;
    if (index.name === requested.name) {
      if (sameKey && canonicalKey(index.spec) === canonicalKey(requested.spec)) return true;
      throw new CommandError(
        sameKey ? 'IndexOptionsConflict' : 'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(requested.spec)}, existing index: ${JSON.stringify(index.spec)}`,
      );
    }
    if (
      sameKey &&
      canonicalKey({ ...index.spec, name: '' }) === canonicalKey({ ...requested.spec, name: '' })
    ) {
      throw new CommandError(
        'IndexOptionsConflict',
        `Index already exists with a different name: ${index.name}`,
      );
    }
  }
  return false;
}

function listIndexes(context: CommandContext): Document {
  const name = targetCollection(context);
  const collection = context.engine.collection(context.databaseName, name);
  if (collection === undefined)
    throw new CommandError('NamespaceNotFound', `ns does not exist: ${namespaceOf(context, name)}`);
  const cursorOptions = (context.command['cursor'] as Document | undefined) ?? {};
  const specs = collection.indexDefinitions().map((index) => index.spec);
  return {
    cursor: context.cursors.open(namespaceOf(context, name), specs, {
      batchSize: cursorOptions['batchSize'],
    }),
  };
}

function dropIndexes(context: CommandContext): Document {
  const name = targetCollection(context);
  const collection = context.engine.collection(context.databaseName, name);
  if (collection === undefined)
    throw new CommandError('NamespaceNotFound', `ns not found ${namespaceOf(context, name)}`);
  const before = collection.indexDefinitions().length;
  for (const indexName of indexNamesToDrop(collection, context.command['index'])) {
    if (indexName === ID_INDEX_NAME) throw new CommandError('InvalidOptions', 'cannot drop _id index');
    collection.dropIndex(indexName);
  }
  return { nIndexesWas: before };
}

function indexNamesToDrop(collection: Collection, selector: unknown): string[] {
  if (selector === '*') {
    return collection
      .indexDefinitions()
      .map((index) => index.name)
      .filter((indexName) => indexName !== ID_INDEX_NAME);
  }
  if (typeof selector === 'string') return [selector];
  if (Array.isArray(selector)) return selector.map(String);
  if (selector !== null && typeof selector === 'object') {
    const key = canonicalKey(selector);
    const match = collection.indexDefinitions().find((index) => canonicalKey(index.key) === key);
    if (match === undefined)
      throw new CommandError('IndexNotFound', `can't find index with key: ${JSON.stringify(selector)}`);
    return [match.name];
  }
  throw new CommandError('TypeMismatch', "'index' must be a string, an array of strings or a key pattern");
}

export const indexAdminCommands: CommandTable = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
