import type { Document } from 'bson';
import { batchProgressOf } from './batch-progress';
import { documentArray, optionalDocument, optionalHint, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { commandVariables } from './command-variables';
import { CommandError } from './command-error';
import { documentValidatorOf, type DocumentValidator } from './document-validation';
import { canonicalKey } from '../storage/canonical-key';
import { idKeyOf } from '../storage/document-id';
import type { DocumentSet } from '../storage/document-set';
import { withCollation } from '../query/collation';
import { selectDocuments } from '../query/document-selection';
import { applyUpdate, buildUpsertDocument, isReplacement } from '../query/update-applier';
import { runStatement, withWriteErrors } from './write-errors';

function update(context: CommandContext): Document {
  const statements = documentArray(context.command, 'updates');
  for (const statement of statements) assertKnownStatementFields(statement as Document);
  const ordered = context.command['ordered'] !== false;
  const target = context.scope.collectionForWrite(context.databaseName, targetCollection(context));
  const variables = commandVariables(context);
  const validate = documentValidatorOf(context, target);
  const progress = batchProgressOf(context);
  for (; progress.next < statements.length; progress.next++) {
    const index = progress.next;
    const ok = runStatement(index, progress.writeErrors, () => {
      const statement = statements[index] as Document;
      const outcome = withCollation(statement['collation'], () =>
        runUpdateStatement(target, statement, variables, validate),
      );
      progress.matched += outcome.matched;
      progress.modified += outcome.modified;
      if (outcome.upsertedId !== undefined) progress.upserted.push({ index, _id: outcome.upsertedId });
    });
    if (!ok && ordered) break;
  }
  const reply: Document = { n: progress.matched + progress.upserted.length, nModified: progress.modified };
  if (progress.upserted.length > 0) reply['upserted'] = progress.upserted;
  return withWriteErrors(reply, progress.writeErrors);
}

/**
 * The fields of an update statement in MongoDB 7.0 (write_ops.idl, UpdateOpEntry). mongod's parser refuses
 * the whole command for any other, before a statement runs. `sort` (updateOne/replaceOne with a sort) is
 * MongoDB 8.0's: the engine answers as 7.0 (buildInfo, maxWireVersion), so it refuses it as 7.0 does.
 */
const UPDATE_STATEMENT_FIELDS = new Set([
  'q',
  'u',
  'c',
  'arrayFilters',
  'multi',
  'upsert',
  'upsertSupplied',
  'hint',
  'collation',
  'sampleId',
  'allowShardKeyUpdatesWithoutFullShardKeyInQuery',
]);

function assertKnownStatementFields(statement: Document): void {
  for (const field of Object.keys(statement)) {
    if (!UPDATE_STATEMENT_FIELDS.has(field))
      throw new CommandError('UnknownBsonField', `BSON field 'update.updates.${field}' is an unknown field.`);
  }
}

interface StatementOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
}

/** All updated documents are computed and checked writable before the first is stored. */
function runUpdateStatement(
  target: DocumentSet,
  statement: Document,
  variables: Document | undefined,
  validate: DocumentValidator,
): StatementOutcome {
  const filter = optionalDocument(statement, 'q');
  const change = statement['u'] as Document | Document[];
  const multi = statement['multi'] === true;
  const arrayFilters = statement['arrayFilters'] as Document[] | undefined;
  if (multi && isReplacement(change)) {
    throw new CommandError('FailedToParse', 'multi update is not supported for replacement-style update');
  }
  const selected = selectDocuments(target, filter, {
    limit: multi ? 0 : 1,
    variables,
    hint: optionalHint(statement),
  });
  if (selected.length === 0 && statement['upsert'] === true) {
    const document = buildUpsertDocument(filter, change, { arrayFilters, filter, variables });
    validate(document);
    target.insert(document);
    return { matched: 0, modified: 0, upsertedId: document['_id'] };
  }
  const changed: Array<[string, Document]> = [];
  for (const original of selected) {
    const updated = applyUpdate(original, change, { arrayFilters, filter, variables });
    if (canonicalKey(updated) !== canonicalKey(original)) {
      validate(updated, original);
      changed.push([idKeyOf(original), updated]);
    }
  }
  for (const [idKey, updated] of changed) target.assertWritable(idKey, updated);
  for (const [idKey, updated] of changed) target.replace(idKey, updated);
  return { matched: selected.length, modified: changed.length };
}

export const updateCommands: CommandTable = { update };
