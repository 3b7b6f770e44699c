import type { Document } from 'bson';
import { optionalDocument } from './command-arguments';
import type { CommandContext } from './command-context';
import { CommandError } from './command-error';
import { expressionEvaluator } from '../query/mingo-context';

/**
 * A command's `let` (find, aggregate, update, delete, findAndModify): variables every `$$name` of its
 * filters, pipelines and update pipelines can read. Each value is an expression evaluated once, before the
 * command reads any document, as in mongod (so it cannot refer to a document's fields).
 */
export function commandVariables(context: CommandContext): Document | undefined {
  const declared = optionalDocument(context.command, 'let');
  if (declared === undefined) return undefined;
  const evaluate = expressionEvaluator();
  const variables: Document = {};
  for (const [name, expression] of Object.entries(declared)) {
    // mongod: a user variable starts with a lowercase letter or a non-ASCII character.
    if (!/^[a-z][A-Za-z0-9_]*$/.test(name) && !(name.charCodeAt(0) > 127)) {
      throw new CommandError(
        'FailedToParse',
        `'${name}' starts with an invalid character for a user variable name`,
      );
    }
    variables[name] = evaluate({}, expression);
  }
  return variables;
}
