import type { Document } from 'bson';
import { optionalDocument, optionalHint, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { commandVariables } from './command-variables';
import { CommandError } from './command-error';
import { documentValidatorOf } from './document-validation';
import { canonicalKey } from '../storage/canonical-key';
import { idKeyOf } from '../storage/document-id';
import { selectDocuments } from '../query/document-selection';
import { projectDocuments } from '../query/projection';
import { applyUpdate, buildUpsertDocument } from '../query/update-applier';

/** Errors here (duplicate key included) are top-level command errors, unlike batched writes. */
function findAndModify(context: CommandContext): Document {
  const { command } = context;
  const filter = optionalDocument(command, 'query');
  const change = command['update'] as Document | Document[] | undefined;
  const remove = command['remove'] === true;
  if (remove === (change !== undefined)) {
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  const arrayFilters = command['arrayFilters'] as Document[] | undefined;
  const variables = commandVariables(context);
  const target = context.scope.collectionForWrite(context.databaseName, targetCollection(context));
  const validate = documentValidatorOf(context, target);
  const [original] = selectDocuments(target, filter, {
    sort: optionalDocument(command, 'sort'),
    limit: 1,
    variables,
    hint: optionalHint(command),
  });
  const project = (document: Document | undefined): Document | null =>
    document === undefined
      ? null
      : (projectDocuments([document], optionalDocument(command, 'fields'))[0] ?? null);

  if (remove) {
    if (original !== undefined) target.remove(idKeyOf(original));
    return { lastErrorObject: { n: original === undefined ? 0 : 1 }, value: project(original) };
  }
  const update = change as Document | Document[];
  if (original !== undefined) {
    const updated = applyUpdate(original, update, { arrayFilters, filter, variables });
    if (canonicalKey(updated) !== canonicalKey(original)) {
      validate(updated, original);
      target.replace(idKeyOf(original), updated);
    }
    return {
      lastErrorObject: { n: 1, updatedExisting: true },
      value: project(command['new'] === true ? updated : original),
    };
  }
  if (command['upsert'] !== true) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null };
  const inserted = buildUpsertDocument(filter, update, { arrayFilters, filter, variables });
  validate(inserted);
  target.insert(inserted);
  return {
    lastErrorObject: { n: 1, updatedExisting: false, upserted: inserted['_id'] },
    value: command['new'] === true ? project(inserted) : null,
  };
}

export const findAndModifyCommands: CommandTable = { findAndModify, findandmodify: findAndModify };
