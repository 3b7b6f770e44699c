import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { bsonEquals, bsonTypeName, compareBson, typeBracketOf, TypeBracket } from './bson-order';
import { compileJsonSchema } from './json-schema';
import { expressionEvaluator, isTruthy } from './mingo-context';
import { toJavaScriptRegExp } from './regex';

export type DocumentPredicate = (document: Document) => boolean;
type Predicate = (value: unknown) => boolean;

/**
 * MongoDB's query language over stored documents in their BSON types. Every comparison goes through
 * bson-order.ts: equality is compareBson() === 0 (numbers by value across types, embedded documents
 * field-order sensitive), range operators only match inside the operand's type bracket.
 *
 * `expressionOptions` carries mingo options (variables of a `$lookup`, say) into `$expr`.
 */
export function compileFilter(filter: Document | undefined, expressionOptions?: object): DocumentPredicate {
  if (filter === undefined || filter === null) return () => true;
  if (typeof filter !== 'object' || Array.isArray(filter)) {
    throw new CommandError('TypeMismatch', 'filter must be an object');
  }
  if (Object.keys(filter).length === 0) return () => true;
  const predicate = compileQuery(filter, expressionOptions);
  return (document) => predicate(document);
}

function compileQuery(filter: Document, expressionOptions: object | undefined): Predicate {
  const clauses: Predicate[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (key.startsWith('$')) clauses.push(compileTopLevel(key, condition, expressionOptions));
    else clauses.push(compileFieldCondition(key, condition, expressionOptions));
  }
  return all(clauses);
}

function all(predicates: Predicate[]): Predicate {
  if (predicates.length === 1) return predicates[0] as Predicate;
  return (value) => predicates.every((predicate) => predicate(value));
}

function compileTopLevel(
  operator: string,
  condition: unknown,
  expressionOptions: object | undefined,
): Predicate {
  switch (operator) {
    case '$and':
    case '$or':
    case '$nor': {
      if (!Array.isArray(condition) || condition.length === 0) {
        throw new CommandError('BadValue', `${operator} must be a nonempty array`);
      }
      const branches = condition.map((branch: unknown) => {
        if (!isPlainObject(branch)) {
          throw new CommandError('BadValue', `${operator} argument's entries must be objects`);
        }
        return compileQuery(branch, expressionOptions);
      });
      if (operator === '$and') return (document) => branches.every((branch) => branch(document));
      if (operator === '$or') return (document) => branches.some((branch) => branch(document));
      return (document) => !branches.some((branch) => branch(document));
    }
    case '$expr': {
      const evaluate = expressionEvaluator(expressionOptions);
      return (document) => isTruthy(evaluate(document, condition));
    }
    case '$comment':
      return () => true;
    case '$where':
      throw new CommandError('BadValue', '$where is not allowed: server-side JavaScript is disabled');
    case '$jsonSchema': {
      const check = compileJsonSchema(condition);
      return (document) => check(document).length === 0;
    }
    case '$text':
    case '$sampleRate':
      throw new CommandError('BadValue', `${operator} is not supported by the MongoDB emulator`);
    default:
      throw new CommandError('BadValue', `unknown top level operator: ${operator}`);
  }
}

/** `{path: condition}`: an operator object, a regex, or a value to compare for equality. */
function compileFieldCondition(
  path: string,
  condition: unknown,
  expressionOptions: object | undefined,
): Predicate {
  if (isRegex(condition)) return anyCandidate(path, regexPredicate(condition));
  if (isOperatorObject(condition)) {
    const operators = Object.entries(condition);
    const clauses: Predicate[] = [];
    for (const [operator, operand] of operators) {
      if (operator === '$options') {
        if (!('$regex' in condition)) throw new CommandError('BadValue', '$options needs a $regex');
        continue;
      }
      clauses.push(compileOperator(path, operator, operand, condition, expressionOptions));
    }
    return all(clauses);
  }
  return anyCandidate(path, equalityPredicate(condition));
}

function compileOperator(
  path: string,
  operator: string,
  operand: unknown,
  siblings: Document,
  expressionOptions: object | undefined,
): Predicate {
  switch (operator) {
    case '$eq':
      return anyCandidate(path, equalityPredicate(operand));
    case '$ne':
      return negate(anyCandidate(path, equalityPredicate(operand)));
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return anyCandidate(path, rangePredicate(operator, operand));
    case '$in':
      return anyCandidate(path, membershipPredicate(operator, operand));
    case '$nin':
      return negate(anyCandidate(path, membershipPredicate(operator, operand)));
    case '$exists': {
      const wanted = isTruthyOperand(operand);
      return (document) => candidatesAt(document, path, true).some((value) => value !== undefined) === wanted;
    }
    case '$type':
      return anyCandidate(path, typePredicate(operand));
    case '$regex':
      return anyCandidate(path, regexPredicate(regexOperand(operand, siblings['$options'])));
    case '$size': {
      if (typeof operand !== 'number' || !Number.isInteger(operand)) {
        throw new CommandError('BadValue', '$size needs a whole number');
      }
      return anyCandidate(path, (value) => Array.isArray(value) && value.length === operand, false);
    }
    case '$all': {
      if (!Array.isArray(operand)) throw new CommandError('BadValue', '$all needs an array');
      if (operand.length === 0) return () => false;
      const parts = operand.map((element: unknown) =>
        isPlainObject(element) && '$elemMatch' in element
          ? compileOperator(path, '$elemMatch', element['$elemMatch'], element, expressionOptions)
          : compileFieldCondition(path, isRegex(element) ? element : { $eq: element }, expressionOptions),
      );
      return all(parts);
    }
    case '$elemMatch':
      return anyCandidate(path, elementMatchPredicate(operand, expressionOptions), false);
    case '$mod':
      return anyCandidate(path, modPredicate(operand));
    case '$not': {
      if (isRegex(operand)) return negate(anyCandidate(path, regexPredicate(operand)));
      if (!isOperatorObject(operand)) throw new CommandError('BadValue', '$not needs a regex or a document');
      return negate(compileFieldCondition(path, operand, expressionOptions));
    }
    case '$bitsAllSet':
    case '$bitsAnySet':
    case '$bitsAllClear':
    case '$bitsAnyClear':
      return anyCandidate(path, bitsPredicate(operator, operand));
    case '$comment':
      return () => true;
    default:
      throw new CommandError('BadValue', `unknown operator: ${operator}`);
  }
}

function negate(predicate: Predicate): Predicate {
  return (document) => !predicate(document);
}

/**
 * True when any value the path reaches satisfies the predicate. With `expandLeafArrays` (all operators
 * but `$size` and `$elemMatch`), an array at the end of the path offers both itself and its elements.
 */
function anyCandidate(path: string, predicate: Predicate, expandLeafArrays = true): Predicate {
  return (document) => candidatesAt(document, path, expandLeafArrays).some(predicate);
}

/**
 * The values a dotted path reaches: arrays met on the way are traversed (a numeric part also indexes
 * the array), a part missing in a document gives `undefined` (so `{f: null}` matches missing fields).
 */
export function candidatesAt(document: unknown, path: string, expandLeafArrays: boolean): unknown[] {
  const out: unknown[] = [];
  collectCandidates(document, path.split('.'), 0, expandLeafArrays, out);
  return out;
}

function collectCandidates(
  current: unknown,
  parts: readonly string[],
  index: number,
  expandLeafArrays: boolean,
  out: unknown[],
): void {
  if (index === parts.length) {
    out.push(current);
    if (expandLeafArrays && Array.isArray(current)) out.push(...current);
    return;
  }
  const part = parts[index] as string;
  if (Array.isArray(current)) {
    const before = out.length;
    if (isArrayIndex(part)) {
      const position = Number(part);
      if (position < current.length)
        collectCandidates(current[position], parts, index + 1, expandLeafArrays, out);
    }
    for (const element of current) {
      if (isDocumentLike(element)) collectCandidates(element[part], parts, index + 1, expandLeafArrays, out);
    }
    if (out.length === before) out.push(undefined);
    return;
  }
  if (isDocumentLike(current)) {
    collectCandidates(current[part], parts, index + 1, expandLeafArrays, out);
    return;
  }
  out.push(undefined);
}

function isArrayIndex(part: string): boolean {
  return /^\d+$/.test(part);
}

function isDocumentLike(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value);
}

function equalityPredicate(operand: unknown): Predicate {
  return (value) => bsonEquals(value, operand);
}

function rangePredicate(operator: '$gt' | '$gte' | '$lt' | '$lte', operand: unknown): Predicate {
  const operandBracket = typeBracketOf(operand);
  const accepts = (order: number): boolean =>
    operator === '$gt'
      ? order > 0
      : operator === '$gte'
        ? order >= 0
        : operator === '$lt'
          ? order < 0
          : order <= 0;
  // MinKey and MaxKey bound every bracket: {$gt: MinKey} is "anything but MinKey".
  const crossesBrackets = operandBracket === TypeBracket.MinKey || operandBracket === TypeBracket.MaxKey;
  return (value) => {
    if (!crossesBrackets && typeBracketOf(value) !== operandBracket) return false;
    return accepts(compareBson(value, operand));
  };
}

function membershipPredicate(operator: string, operand: unknown): Predicate {
  if (!Array.isArray(operand)) throw new CommandError('BadValue', `${operator} needs an array`);
  const patterns = operand.filter(isRegex).map((regex) => regexPredicate(regex));
  const values = operand.filter((element) => !isRegex(element));
  for (const value of values) {
    if (isOperatorObject(value)) throw new CommandError('BadValue', `cannot nest $ under ${operator}`);
  }
  return (value) =>
    values.some((candidate) => bsonEquals(value, candidate)) || patterns.some((pattern) => pattern(value));
}

const TYPE_CODES: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  12: 'dbPointer',
  13: 'javascript',
  14: 'symbol',
  15: 'javascriptWithScope',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};
const TYPE_ALIASES = new Set([...Object.values(TYPE_CODES), 'number']);
const NUMBER_TYPES = new Set(['int', 'long', 'double', 'decimal']);

/** `$type`'s test (also `$jsonSchema`'s `bsonType`): type names, aliases or numeric codes, `number` for any number. */
export function typePredicate(operand: unknown): Predicate {
  const requested = Array.isArray(operand) ? operand : [operand];
  if (requested.length === 0) throw new CommandError('FailedToParse', '$type must match at least one type');
  const names = new Set(requested.map(typeNameOf));
  return (value) => {
    if (value === undefined) return false;
    const name = bsonTypeName(value);
    return names.has(name) || (names.has('number') && NUMBER_TYPES.has(name));
  };
}

function typeNameOf(type: unknown): string {
  if (typeof type === 'string') {
    if (!TYPE_ALIASES.has(type)) throw new CommandError('BadValue', `Unknown type name alias: ${type}`);
    return type;
  }
  const code = typeBracketOf(type) === TypeBracket.Number ? Number(String(type)) : NaN;
  const name = Number.isInteger(code) ? TYPE_CODES[code] : undefined;
  if (name === undefined) throw new CommandError('BadValue', `Invalid numerical type code: ${String(type)}`);
  return name;
}

type RegexLike = RegExp | { _bsontype: 'BSONRegExp'; pattern: string; options: string };

function isRegex(value: unknown): value is RegexLike {
  return value instanceof RegExp || (value as { _bsontype?: string } | null)?._bsontype === 'BSONRegExp';
}

function regexOperand(operand: unknown, options: unknown): RegexLike {
  if (options !== undefined && typeof options !== 'string') {
    throw new CommandError('BadValue', '$options has to be a string');
  }
  if (typeof operand === 'string') {
    return { _bsontype: 'BSONRegExp', pattern: operand, options: options ?? '' };
  }
  if (isRegex(operand)) {
    if (options === undefined) return operand;
    const pattern = operand instanceof RegExp ? operand.source : operand.pattern;
    return { _bsontype: 'BSONRegExp', pattern, options };
  }
  throw new CommandError('BadValue', '$regex has to be a string');
}

/** Matches strings and symbols by the pattern, and stored regexes equal to it. */
function regexPredicate(regex: RegexLike): Predicate {
  const compiled = toJavaScriptRegExp(regex);
  return (value) => {
    if (typeof value === 'string') return compiled.test(value);
    if ((value as { _bsontype?: string } | null)?._bsontype === 'BSONSymbol')
      return compiled.test(String(value));
    return isRegex(value) && bsonEquals(value, regex);
  };
}

function elementMatchPredicate(operand: unknown, expressionOptions: object | undefined): Predicate {
  if (!isPlainObject(operand)) throw new CommandError('BadValue', '$elemMatch needs an Object');
  const keys = Object.keys(operand);
  const onValues = keys.length > 0 && keys.every((key) => key.startsWith('$') && !LOGICAL.has(key));
  // {$elemMatch: {$gt: 1}} tests the elements themselves; {$elemMatch: {k: 1}} runs a query on each.
  const element = onValues
    ? compileFieldCondition('element', operand, expressionOptions)
    : compileQuery(operand, expressionOptions);
  return (value) =>
    Array.isArray(value) &&
    value.some((item) => (onValues ? element({ element: item }) : isDocumentLike(item) && element(item)));
}

const LOGICAL = new Set(['$and', '$or', '$nor', '$expr', '$where', '$comment']);

function modPredicate(operand: unknown): Predicate {
  if (!Array.isArray(operand) || operand.length !== 2) {
    throw new CommandError('BadValue', 'malformed mod, needs to be an array of [divisor, remainder]');
  }
  const [divisor, remainder] = operand.map((part: unknown) => {
    if (typeBracketOf(part) !== TypeBracket.Number)
      throw new CommandError('BadValue', 'malformed mod, not a number');
    return BigInt(Math.trunc(Number(String(part))));
  }) as [bigint, bigint];
  if (divisor === 0n) throw new CommandError('BadValue', 'divisor cannot be 0');
  return (value) => {
    if (typeBracketOf(value) !== TypeBracket.Number || value === undefined) return false;
    const number = Number(String(value));
    if (!Number.isFinite(number)) return false;
    const integer = integerOf(value);
    return integer % divisor === remainder;
  };
}

function integerOf(value: unknown): bigint {
  if ((value as { _bsontype?: string })._bsontype === 'Long')
    return (value as { toBigInt(): bigint }).toBigInt();
  return BigInt(Math.trunc(Number(String(value))));
}

function bitsPredicate(operator: string, operand: unknown): Predicate {
  let mask = 0n;
  if (Array.isArray(operand)) {
    for (const position of operand) mask |= 1n << BigInt(Number(position));
  } else if (typeBracketOf(operand) === TypeBracket.Number) {
    mask = integerOf(operand);
  } else {
    throw new CommandError('BadValue', `${operator} takes an Array, a number, or a BinData`);
  }
  return (value) => {
    if (typeBracketOf(value) !== TypeBracket.Number || value === undefined) return false;
    const number = Number(String(value));
    if (!Number.isInteger(number) && (value as { _bsontype?: string })._bsontype !== 'Long') return false;
    const bits = BigInt.asUintN(64, integerOf(value));
    const selected = bits & mask;
    switch (operator) {
      case '$bitsAllSet':
        return selected === mask;
      case '$bitsAnySet':
        return selected !== 0n;
      case '$bitsAllClear':
        return selected === 0n;
      default:
        return selected !== mask;
    }
  };
}

function isTruthyOperand(operand: unknown): boolean {
  if (typeBracketOf(operand) === TypeBracket.Number) return Number(String(operand)) !== 0;
  return operand !== false && operand !== null && operand !== undefined;
}

export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `{ $gt: 1 }` rather than an embedded document; like mongod, the first key decides. */
export function isOperatorObject(value: unknown): value is Document {
  if (!isPlainObject(value)) return false;
  const [first] = Object.keys(value);
  return first !== undefined && first.startsWith('$');
}
