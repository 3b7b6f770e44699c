import type { Document } from 'bson';
import { bsonTypeName } from './bson-order';
import { candidatesAt, compileFilter, isOperatorObject } from './filter-matcher';
import { compileJsonSchema } from './json-schema';

/** Why each operator of a validator clause fails, in the words of mongod's `errInfo.details`. */
const REASONS: Readonly<Record<string, string>> = {
  $type: 'type did not match',
  $in: 'no matching value found in array',
  $nin: 'matching value found in array',
  $regex: 'regular expression did not match',
  $exists: 'path had a value',
  $size: 'array length was not equal to given size',
  $all: 'array did not contain all specified values',
  $elemMatch: 'array did not satisfy the child predicate',
};

/**
 * `errInfo.details` of a document a query validator refuses, shaped as MongoDB 5.0+ shapes it: one failing
 * top-level clause explained directly, several under an implicit `$and` with `clausesNotSatisfied`.
 */
export function validationFailureDetails(validator: Document, document: Document): Document {
  const clauses = Object.entries(validator).map(([key, condition]) => ({ [key]: condition as unknown }));
  const failing = clauses
    .map((clause, index) => ({ index, clause }))
    .filter(({ clause }) => !compileFilter(clause)(document));
  if (clauses.length === 1 && failing[0] !== undefined) return clauseDetails(failing[0].clause, document);
  return {
    operatorName: '$and',
    clausesNotSatisfied: failing.map(({ index, clause }) => ({
      index,
      details: clauseDetails(clause, document),
    })),
  };
}

function clauseDetails(clause: Document, document: Document): Document {
  const [key, condition] = Object.entries(clause)[0] as [string, unknown];
  switch (key) {
    case '$jsonSchema':
      return { operatorName: key, schemaRulesNotSatisfied: compileJsonSchema(condition)(document) };
    case '$and':
    case '$or':
    case '$nor':
      return {
        operatorName: key,
        clausesNotSatisfied: (condition as Document[]).flatMap((branch, index) =>
          compileFilter(branch)(document) === (key === '$nor')
            ? [{ index, details: validationFailureDetails(branch, document) }]
            : [],
        ),
      };
    case '$expr':
      return {
        operatorName: key,
        specifiedAs: clause,
        reason: 'expression did not match',
        expressionResult: false,
      };
    default:
      return fieldDetails(key, condition, document, clause);
  }
}

function fieldDetails(path: string, condition: unknown, document: Document, specifiedAs: Document): Document {
  const operatorName = isOperatorObject(condition) ? (Object.keys(condition)[0] ?? '$eq') : '$eq';
  const values = candidatesAt(document, path, false).filter((value) => value !== undefined);
  if (values.length === 0 && operatorName !== '$exists') {
    return { operatorName, specifiedAs, reason: 'field was missing' };
  }
  const consideredValue = values.length === 1 ? values[0] : values;
  return {
    operatorName,
    specifiedAs,
    reason: REASONS[operatorName] ?? 'comparison failed',
    ...(values.length > 0 ? { consideredValue } : {}),
    ...(operatorName === '$type' ? { consideredType: bsonTypeName(consideredValue) } : {}),
  };
}
