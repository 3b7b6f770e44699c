import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { bsonEquals, bsonTypeName, compareBson, typeBracketOf, TypeBracket } from './bson-order';
import { isPlainObject, typePredicate } from './filter-matcher';
import { toJavaScriptRegExp } from './regex';

/** The rules a value broke, each shaped as mongod's `schemaRulesNotSatisfied` entries (empty: it passed). */
export type SchemaCheck = (value: unknown) => Document[];

/** JSON Schema's `type` names (MongoDB refuses `integer`) and the BSON types each covers. */
const JSON_TYPES: Readonly<Record<string, readonly string[]>> = {
  object: ['object'],
  array: ['array'],
  number: ['number'],
  boolean: ['bool'],
  string: ['string'],
  null: ['null'],
};

/** Keywords that only annotate. */
const ANNOTATIONS = new Set(['title', 'description']);

/**
 * MongoDB's `$jsonSchema` (draft 4 with `bsonType`, without `$ref`/`format`/`default`) for the keywords
 * listed in `compileKeyword`; any other keyword is refused when the schema is compiled, never ignored.
 * As in JSON Schema, a keyword about one type (say `minimum`) holds for values of other types.
 */
export function compileJsonSchema(schema: unknown): SchemaCheck {
  if (!isPlainObject(schema)) throw new CommandError('TypeMismatch', '$jsonSchema must be an object');
  const checks = Object.entries(schema)
    .filter(([keyword]) => !ANNOTATIONS.has(keyword))
    .map(([keyword, operand]) => compileKeyword(keyword, operand, schema));
  return (value) => checks.flatMap((check) => check(value));
}

function compileKeyword(keyword: string, operand: unknown, schema: Document): SchemaCheck {
  const specifiedAs = { [keyword]: operand };
  const failed = (reason: string, value: unknown): Document[] => [
    { operatorName: keyword, specifiedAs, reason, consideredValue: value },
  ];
  switch (keyword) {
    case 'bsonType':
    case 'type': {
      const names = keyword === 'type' ? jsonTypeNames(operand) : operand;
      const matches = typePredicate(names);
      return (value) =>
        matches(value)
          ? []
          : [
              {
                operatorName: keyword,
                specifiedAs,
                reason: 'type did not match',
                consideredValue: value,
                consideredType: bsonTypeName(value),
              },
            ];
    }
    case 'required': {
      const names = stringArray(keyword, operand);
      return (value) => {
        if (!isPlainObject(value)) return [];
        const missingProperties = names.filter((name) => value[name] === undefined);
        return missingProperties.length === 0
          ? []
          : [{ operatorName: keyword, specifiedAs, missingProperties }];
      };
    }
    case 'properties': {
      if (!isPlainObject(operand)) throw schemaError(keyword, 'must be an object');
      const properties = Object.entries(operand).map(([name, subschema]) => ({
        name,
        check: compileJsonSchema(subschema),
      }));
      return (value) => {
        if (!isPlainObject(value)) return [];
        const propertiesNotSatisfied = properties.flatMap(({ name, check }) => {
          if (value[name] === undefined) return [];
          const details = check(value[name]);
          return details.length === 0 ? [] : [{ propertyName: name, details }];
        });
        return propertiesNotSatisfied.length === 0 ? [] : [{ operatorName: keyword, propertiesNotSatisfied }];
      };
    }
    case 'additionalProperties': {
      const declared = new Set(Object.keys((schema['properties'] as Document | undefined) ?? {}));
      const check = typeof operand === 'boolean' ? undefined : compileJsonSchema(operand);
      return (value) => {
        if (!isPlainObject(value)) return [];
        const additional = Object.keys(value).filter((name) => !declared.has(name));
        if (check === undefined) {
          return operand === false && additional.length > 0
            ? [{ operatorName: keyword, specifiedAs, additionalProperties: additional }]
            : [];
        }
        const failing = additional.filter((name) => check(value[name]).length > 0);
        return failing.length === 0
          ? []
          : [{ operatorName: keyword, specifiedAs, additionalProperties: failing }];
      };
    }
    case 'minProperties':
    case 'maxProperties': {
      const bound = count(keyword, operand);
      return (value) => {
        if (!isPlainObject(value)) return [];
        const size = Object.keys(value).length;
        const holds = keyword === 'minProperties' ? size >= bound : size <= bound;
        return holds ? [] : failed('specified number of properties was not satisfied', value);
      };
    }
    case 'enum': {
      if (!Array.isArray(operand) || operand.length === 0)
        throw schemaError(keyword, 'must be a non-empty array');
      return (value) =>
        operand.some((allowed: unknown) => bsonEquals(allowed, value))
          ? []
          : failed('value was not found in enum', value);
    }
    case 'minimum':
    case 'maximum': {
      if (typeBracketOf(operand) !== TypeBracket.Number) throw schemaError(keyword, 'must be a number');
      const exclusive = schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
      return (value) => {
        if (typeBracketOf(value) !== TypeBracket.Number) return [];
        const order = compareBson(value, operand) * (keyword === 'minimum' ? 1 : -1);
        return order > 0 || (order === 0 && !exclusive) ? [] : failed('comparison failed', value);
      };
    }
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      if (typeof operand !== 'boolean') throw schemaError(keyword, 'must be a boolean');
      return () => [];
    case 'minLength':
    case 'maxLength': {
      const bound = count(keyword, operand);
      return (value) => {
        if (typeof value !== 'string') return [];
        const length = [...value].length;
        const holds = keyword === 'minLength' ? length >= bound : length <= bound;
        return holds ? [] : failed('specified string length was not satisfied', value);
      };
    }
    case 'pattern': {
      if (typeof operand !== 'string') throw schemaError(keyword, 'must be a string');
      const pattern = toJavaScriptRegExp({ pattern: operand, options: '' });
      return (value) =>
        typeof value !== 'string' || pattern.test(value)
          ? []
          : failed('regular expression did not match', value);
    }
    case 'items': {
      if (Array.isArray(operand))
        throw schemaError(keyword, 'as an array of schemas is not supported by the MongoDB emulator');
      const check = compileJsonSchema(operand);
      return (value) => {
        if (!Array.isArray(value)) return [];
        for (const [itemIndex, item] of value.entries()) {
          const details = check(item);
          if (details.length > 0) {
            return [
              {
                operatorName: keyword,
                reason: 'At least one item did not match the sub-schema',
                itemIndex,
                details,
              },
            ];
          }
        }
        return [];
      };
    }
    case 'minItems':
    case 'maxItems': {
      const bound = count(keyword, operand);
      return (value) => {
        if (!Array.isArray(value)) return [];
        const holds = keyword === 'minItems' ? value.length >= bound : value.length <= bound;
        return holds ? [] : failed('array did not match specified length', value);
      };
    }
    case 'allOf':
    case 'anyOf':
    case 'oneOf': {
      if (!Array.isArray(operand) || operand.length === 0)
        throw schemaError(keyword, 'must be a non-empty array');
      const branches = operand.map((branch: unknown) => compileJsonSchema(branch));
      return (value) => {
        const results = branches.map((check, index) => ({ index, details: check(value) }));
        const satisfied = results.filter(({ details }) => details.length === 0).length;
        const holds =
          keyword === 'allOf'
            ? satisfied === branches.length
            : keyword === 'anyOf'
              ? satisfied > 0
              : satisfied === 1;
        if (holds) return [];
        if (keyword === 'oneOf' && satisfied > 1) {
          return [{ operatorName: keyword, specifiedAs, reason: 'more than one subschema matched' }];
        }
        return [
          { operatorName: keyword, schemasNotSatisfied: results.filter(({ details }) => details.length > 0) },
        ];
      };
    }
    case 'not': {
      const check = compileJsonSchema(operand);
      return (value) => (check(value).length === 0 ? failed('child expression matched', value) : []);
    }
    default:
      throw new CommandError(
        'FailedToParse',
        `$jsonSchema keyword '${keyword}' is not supported by the MongoDB emulator`,
      );
  }
}

function jsonTypeNames(operand: unknown): string[] {
  const requested = Array.isArray(operand) ? operand : [operand];
  return requested.flatMap((name: unknown) => {
    const names = typeof name === 'string' ? JSON_TYPES[name] : undefined;
    if (names === undefined) throw new CommandError('BadValue', `Unknown JSON Schema type: ${String(name)}`);
    return [...names];
  });
}

function stringArray(keyword: string, operand: unknown): string[] {
  if (!Array.isArray(operand) || operand.length === 0 || !operand.every((name) => typeof name === 'string')) {
    throw schemaError(keyword, 'must be a non-empty array of strings');
  }
  return operand as string[];
}

function count(keyword: string, operand: unknown): number {
  const bound = typeBracketOf(operand) === TypeBracket.Number ? Number(String(operand)) : NaN;
  if (!Number.isInteger(bound) || bound < 0)
    throw schemaError(keyword, 'must be a non-negative whole number');
  return bound;
}

function schemaError(keyword: string, problem: string): CommandError {
  return new CommandError('FailedToParse', `$jsonSchema keyword '${keyword}' ${problem}`);
}
