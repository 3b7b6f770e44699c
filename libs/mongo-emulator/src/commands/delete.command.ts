import type { Document } from 'bson';
import { batchProgressOf } from './batch-progress';
import { documentArray, optionalDocument, optionalHint, targetCollection } from './command-arguments';
import type { CommandContext, CommandTable } from './command-context';
import { commandVariables } from './command-variables';
import { idKeyOf } from '../storage/document-id';
import { withCollation } from '../query/collation';
import { selectDocuments } from '../query/document-selection';
import { runStatement, withWriteErrors } from './write-errors';

function deleteCommand(context: CommandContext): Document {
  const statements = documentArray(context.command, 'deletes');
  const ordered = context.command['ordered'] !== false;
  const target = context.scope.collection(context.databaseName, targetCollection(context));
  if (target === undefined) return { n: 0 };
  const variables = commandVariables(context);
  const progress = batchProgressOf(context);
  for (; progress.next < statements.length; progress.next++) {
    const statement = statements[progress.next] as Document;
    const ok = runStatement(progress.next, progress.writeErrors, () =>
      withCollation(statement['collation'], () => {
        const limit = statement['limit'] === 1 ? 1 : 0;
        const idKeys = selectDocuments(target, optionalDocument(statement, 'q'), {
          limit,
          variables,
          hint: optionalHint(statement),
        }).map(idKeyOf);
        for (const idKey of idKeys) target.assertWritable(idKey);
        for (const idKey of idKeys) target.remove(idKey);
        progress.matched += idKeys.length;
      }),
    );
    if (!ok && ordered) break;
  }
  return withWriteErrors({ n: progress.matched }, progress.writeErrors);
}

export const deleteCommands: CommandTable = { delete: deleteCommand };
