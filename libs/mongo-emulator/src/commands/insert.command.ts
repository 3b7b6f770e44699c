import { ObjectId, type Document } from 'bson';
import { batchProgressOf } from './batch-progress';
import { documentArray, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { CommandError } from './command-error';
import { documentValidatorOf } from './document-validation';
import { cloneValue } from '../query/document-clone';
import { assertValidIdField } from '../storage/id-field-validation';
import { runStatement, withWriteErrors } from './write-errors';

function insert(context: CommandContext): Document {
  const documents = documentArray(context.command, 'documents');
  const ordered = context.command['ordered'] !== false;
  const target = context.scope.collectionForWrite(context.databaseName, targetCollection(context));
  const validate = documentValidatorOf(context, target);
  const progress = batchProgressOf(context);
  for (; progress.next < documents.length; progress.next++) {
    const document = documents[progress.next] as Document;
    const ok = runStatement(progress.next, progress.writeErrors, () => {
      const stored = documentToStore(document);
      validate(stored);
      target.insert(stored);
    });
    if (ok) progress.matched += 1;
    else if (ordered) break;
  }
  return withWriteErrors({ n: progress.matched }, progress.writeErrors);
}

/** `_id` first, generated when missing, as mongod stores it. */
function documentToStore(document: Document): Document {
  const { _id: id, ...fields } = cloneValue(document);
  if (Array.isArray(id) || id instanceof RegExp) {
    throw new CommandError('BadValue', `can't use an ${Array.isArray(id) ? 'array' : 'regex'} for _id`);
  }
  assertValidIdField(id);
  return { _id: id === undefined ? new ObjectId() : id, ...fields };
}

export const insertCommands: CommandTable = { insert };
