import type { Document } from 'bson';
import { GENERIC_COMMAND_FIELDS, namespaceOf, optionalDocument, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { assertValidationOptions } from './document-validation';
import { compileFilter } from '../query/filter-matcher';
import type { Collection } from '../storage/collection';
import { ID_INDEX } from '../storage/index-definition';
import type { ViewDefinition } from '../storage/view-catalog';
import { validatePipeline } from '../query/aggregation-runner';
import { OUTPUT_STAGES } from './aggregate-output';

const UNSUPPORTED_CREATE_OPTIONS = ['timeseries', 'clusteredIndex'];

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
  if (existing !== undefined || context.engine.view(context.databaseName, name) !== undefined) {
    throw new CommandError('NamespaceExists', `Collection ${namespaceOf(context, name)} already exists.`);
  }
  if (options['viewOn'] !== undefined) {
    createView(context, name, options);
    return {};
  }
  if (transaction === undefined) {
    context.engine.createCollection(context.databaseName, name, pickCollectionOptions(options));
  } else {
    transaction.createCollection(context.databaseName, name, pickCollectionOptions(options));
  }
  return {};
}

/** `create` with `viewOn`: a read-only view, its pipeline checked as an aggregate's would be. */
function createView(context: CommandContext, name: string, options: Document): void {
  if (context.transaction !== undefined) {
    throw new CommandError(
      'OperationNotSupportedInTransaction',
      `Cannot create a view in a multi-document transaction.`,
    );
  }
  const { viewOn, pipeline = [], ...others } = options;
  const unexpected = Object.keys(others).find((option) => !GENERIC_COMMAND_FIELDS.has(option));
  if (unexpected !== undefined) {
    throw new CommandError(
      'InvalidOptions',
      unexpected === 'collation'
        ? 'views with a collation are not supported by the MongoDB emulator'
        : `option '${unexpected}' is not allowed with 'viewOn'`,
    );
  }
  context.engine.defineView(context.databaseName, name, viewDefinitionOf(viewOn, pipeline));
}

/** A view's `viewOn` and `pipeline`, checked as mongod checks them (create and collMod). */
export function viewDefinitionOf(viewOn: unknown, pipeline: unknown): ViewDefinition {
  if (typeof viewOn !== 'string' || viewOn === '') {
    throw new CommandError('TypeMismatch', "'viewOn' must be a non-empty string");
  }
  if (!Array.isArray(pipeline)) throw new CommandError('TypeMismatch', "'pipeline' must be an array");
  for (const stage of pipeline as Document[]) {
    const stageName = Object.keys(stage)[0] ?? '';
    if (OUTPUT_STAGES.has(stageName)) {
      throw new CommandError('OptionNotSupportedOnView', `${stageName} cannot be used in a view definition`);
    }
  }
  validatePipeline(pipeline as Document[]);
  return { viewOn, pipeline: pipeline as Document[] };
}

function pickCollectionOptions(options: Document): Document {
  assertValidationOptions(options, 'create');
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

function describeView([name, definition]: [string, ViewDefinition]): Document {
  return {
    name,
    type: 'view',
    options: { viewOn: definition.viewOn, pipeline: definition.pipeline },
    info: { readOnly: true },
  };
}

function listCollections(context: CommandContext): Document {
  const matches = compileFilter(optionalDocument(context.command, 'filter'));
  const nameOnly = context.command['nameOnly'] === true;
  const described = [
    ...context.engine.collectionsOf(context.databaseName).map(describeCollection),
    ...context.engine.viewsOf(context.databaseName).map(describeView),
  ]
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
