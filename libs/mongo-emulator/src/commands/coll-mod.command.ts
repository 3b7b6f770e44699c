import type { Document } from 'bson';
import { GENERIC_COMMAND_FIELDS, namespaceOf, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { viewDefinitionOf } from './collection-admin.commands';
import { assertValidationOptions } from './document-validation';

const VALIDATION_OPTIONS = ['validator', 'validationLevel', 'validationAction'];
const VIEW_OPTIONS = ['viewOn', 'pipeline'];

/**
 * collMod: a collection's validator options (each given one replaces the old value; documents already
 * stored are not re-checked, as in mongod) or a view's definition. Other collMod options (index changes,
 * pre- and post-images, time series) are refused, never ignored.
 */
function collMod(context: CommandContext): Document {
  if (context.transaction !== undefined) {
    throw new CommandError(
      'OperationNotSupportedInTransaction',
      "Cannot run 'collMod' in a multi-document transaction.",
    );
  }
  const name = targetCollection(context);
  const { collMod: _name, ...options } = context.command;
  for (const option of Object.keys(options)) {
    if (
      GENERIC_COMMAND_FIELDS.has(option) ||
      VALIDATION_OPTIONS.includes(option) ||
      VIEW_OPTIONS.includes(option)
    ) {
      continue;
    }
    throw new CommandError(
      'InvalidOptions',
      `collMod option '${option}' is not supported by the MongoDB emulator`,
    );
  }
  const view = context.engine.view(context.databaseName, name);
  if (view !== undefined) {
    if (VALIDATION_OPTIONS.some((option) => options[option] !== undefined)) {
      throw new CommandError(
        'InvalidOptions',
        `option not supported on a view: ${VALIDATION_OPTIONS.join(', ')}`,
      );
    }
    if (options['viewOn'] === undefined || options['pipeline'] === undefined) {
      throw new CommandError(
        'InvalidOptions',
        "must specify both 'viewOn' and 'pipeline' when modifying a view",
      );
    }
    context.engine.defineView(
      context.databaseName,
      name,
      viewDefinitionOf(options['viewOn'], options['pipeline']),
    );
    return {};
  }
  const collection = context.engine.collection(context.databaseName, name);
  if (collection === undefined) {
    throw new CommandError('NamespaceNotFound', `ns does not exist: ${namespaceOf(context, name)}`);
  }
  if (VIEW_OPTIONS.some((option) => options[option] !== undefined)) {
    throw new CommandError('InvalidOptions', `'viewOn' and 'pipeline' are only valid for a view`);
  }
  assertValidationOptions(options, 'collMod');
  const changed = Object.fromEntries(
    VALIDATION_OPTIONS.filter((option) => options[option] !== undefined).map((option) => [
      option,
      options[option],
    ]),
  );
  collection.replaceOptions({ ...collection.options, ...changed });
  return {};
}

export const collModCommands: CommandTable = { collMod };
