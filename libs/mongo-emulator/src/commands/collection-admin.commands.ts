import type { Document } from 'bson';
import { namespaceOf, optionalDocument, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { compileFilter } from '../query/filter-matcher';
import type { Collection } from '../storage/collection';
import { ID_INDEX } from '../storage/index-definition';

const UNSUPPORTED_CREATE_OPTIONS = ['viewOn', 'timeseries', 'clusteredIndex'];

function create(context: CommandContext): Document {
  const name = targetCollection(context);
  const { create: _name, $db: _db, lsid: _lsid, ...options } = context.command;
  const unsupported = UNSUPPORTED_CREATE_OPTIONS.find((option) => options[option] !== undefined);
  if (unsupported !== undefined) {
    throw new CommandError(
      'InvalidOptions',
      `create option '${unsupported}' is not supported by the MongoDB emulator`,
    );
  }
  const { transaction } = context;
  const existing =
    transaction === undefined
      ? context.engine.collection(context.databaseName, name)
      : transaction.collectionObject(context.databaseName, name);
  if (existing !== undefined) {
    throw new CommandError('NamespaceExists', `Collection ${namespaceOf(context, name)} already exists.`);
  }
  if (transaction === undefined) {
    context.engine.createCollection(context.databaseName, name, pickCollectionOptions(options));
  } else {
    transaction.createCollection(context.databaseName, name, pickCollectionOptions(options));
  }
  return {};
}

function pickCollectionOptions(options: Document): Document {
  const kept = ['capped', 'size', 'max', 'validator', 'validationLevel', 'validationAction', 'collation'];
  return Object.fromEntries(Object.entries(options).filter(([option]) => kept.includes(option)));
}

function drop(context: CommandContext): Document {
  const name = targetCollection(context);
  const collection = context.engine.collection(context.databaseName, name);
  context.engine.dropCollection(context.databaseName, name);
  return { ns: namespaceOf(context, name), nIndexesWas: collection?.indexDefinitions().length ?? 0 };
}

function dropDatabase(context: CommandContext): Document {
  context.engine.dropDatabase(context.databaseName);
  return { dropped: context.databaseName };
}

function describeCollection(collection: Collection): Document {
  return {
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false, uuid: collection.uuid },
    idIndex: ID_INDEX.spec,
  };
}

function listCollections(context: CommandContext): Document {
  const matches = compileFilter(optionalDocument(context.command, 'filter'));
  const nameOnly = context.command['nameOnly'] === true;
  const described = context.engine
    .collectionsOf(context.databaseName)
    .map(describeCollection)
    .filter(matches)
    .map((description) =>
      nameOnly ? { name: description['name'], type: description['type'] } : description,
    );
  const cursorOptions = optionalDocument(context.command, 'cursor') ?? {};
  return {
    cursor: context.cursors.open(namespaceOf(context, '$cmd.listCollections'), described, {
      batchSize: cursorOptions['batchSize'],
    }),
  };
}

function listDatabases(context: CommandContext): Document {
  const matches = compileFilter(optionalDocument(context.command, 'filter'));
  const databases = context.engine
    .databaseNames()
    .map((name) => ({ name, sizeOnDisk: 0, empty: false }))
    .filter(matches)
    .map((database) => (context.command['nameOnly'] === true ? { name: database.name } : database));
  return { databases, totalSize: 0, totalSizeMb: 0 };
}

export const collectionAdminCommands: CommandTable = {
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
};
