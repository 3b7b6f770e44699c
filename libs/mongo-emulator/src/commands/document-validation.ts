import type { Document } from 'bson';
import type { CommandContext } from './command-context';
import { CommandError } from './command-error';
import type { DocumentSet } from '../storage/document-set';
import { compileFilter } from '../query/filter-matcher';
import { validationFailureDetails } from '../query/validation-failure-details';

const VALIDATION_LEVELS = ['off', 'strict', 'moderate'];
const VALIDATION_ACTIONS = ['error', 'warn'];

/** Checks a document about to be stored (and, for an update, the one it replaces). */
export type DocumentValidator = (document: Document, previous?: Document) => void;

/**
 * The collection's validator as a write command applies it: none with `bypassDocumentValidation` or
 * `validationLevel: 'off'`; `moderate` lets an update through when the document it replaces already failed;
 * `validationAction: 'warn'` stores the document and logs the failure, as mongod does.
 */
export function documentValidatorOf(context: CommandContext, target: DocumentSet): DocumentValidator {
  const { options } = target.collection;
  const validator = options['validator'] as Document | undefined;
  const level = options['validationLevel'] ?? 'strict';
  if (
    validator === undefined ||
    Object.keys(validator).length === 0 ||
    level === 'off' ||
    context.command['bypassDocumentValidation'] === true
  ) {
    return () => undefined;
  }
  const passes = compileFilter(validator);
  return (document, previous) => {
    if (passes(document)) return;
    if (level === 'moderate' && previous !== undefined && !passes(previous)) return;
    if (options['validationAction'] === 'warn') {
      process.stderr.write(
        `mongo-emulator: document ${String(document['_id'])} of ${target.collection.namespace} would fail validation\n`,
      );
      return;
    }
    throw new CommandError('DocumentValidationFailure', 'Document failed validation', {
      details: {
        errInfo: {
          failingDocumentId: document['_id'],
          details: validationFailureDetails(validator, document),
        },
      },
    });
  };
}

/** `validator`, `validationLevel`, `validationAction` of create and collMod, checked before any is kept. */
export function assertValidationOptions(options: Document, commandName: string): void {
  const { validator, validationLevel, validationAction } = options;
  if (validator !== undefined) {
    if (validator === null || typeof validator !== 'object' || Array.isArray(validator)) {
      throw new CommandError('TypeMismatch', `BSON field '${commandName}.validator' must be an object`);
    }
    compileFilter(validator as Document);
  }
  assertEnumeration(validationLevel, VALIDATION_LEVELS, `${commandName}.validationLevel`);
  assertEnumeration(validationAction, VALIDATION_ACTIONS, `${commandName}.validationAction`);
}

function assertEnumeration(value: unknown, allowed: readonly string[], field: string): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new CommandError(
      'BadValue',
      `Enumeration value '${String(value)}' for field '${field}' is not a valid value.`,
    );
  }
}
