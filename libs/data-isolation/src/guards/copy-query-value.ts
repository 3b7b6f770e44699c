import { Types } from 'mongoose';
import { IsolationRule } from '../errors/isolation-rule.enum';
import type { InspectionPolicy } from './inspection-policy';
import {
  LOGICAL_QUERY_OPERATORS,
  PROTOTYPE_KEYS,
  SERVER_SIDE_JAVASCRIPT_OPERATORS,
} from './query-operators.constant';
import { refuse } from './refuse';
import { isSameTenantId, isTenantPath, looksLikeTenantId } from './tenant-object-id';

/**
 * The single pass every guard is built on: it copies a caller's filter or value into fresh plain objects
 * while judging it. Judging a copy (each property read exactly once) rather than the caller's object means a
 * getter, a Proxy or a later mutation cannot show the guard one thing and the driver another, and the
 * caller's object is never touched (Mongoose casts filters in place). Only own enumerable keys are read, so
 * keys inherited from a polluted prototype never count.
 */

/** Deeper than any real query; stops stack-exhausting input before it costs anything. */
const MAX_DEPTH = 64;

/**
 * How a value is judged: `value` (filter literals and update values: nested `tenantId` keys must be own
 * equality), `expression` (`$expr`: field paths naming `tenantId` are refused too), `stage` (pipeline stage
 * and projection specifications, which only reshape already-scoped documents: just no JavaScript, no
 * prototype keys and nothing uninspectable).
 */
export type ValueMode = 'value' | 'expression' | 'stage';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Values the driver serializes by type (ObjectId, Decimal128, Date…) and that hold no nested query. */
function isBsonScalar(value: object): boolean {
  if (value instanceof Date || value instanceof RegExp || value instanceof Types.ObjectId) return true;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return true;
  return typeof (value as { _bsontype?: unknown })._bsontype === 'string';
}

export function checkKey(key: string, path: string): void {
  if (SERVER_SIDE_JAVASCRIPT_OPERATORS.has(key)) refuse(IsolationRule.ServerSideJavaScript, path);
  if (PROTOTYPE_KEYS.has(key)) refuse(IsolationRule.PrototypeKey, path);
}

/**
 * A query document (a filter, an `$elemMatch` body, a `$lookup` `$match`): logical operators recurse, `$expr`
 * is an expression, `tenantId` may only be compared for equality with the policy's own tenant.
 */
export function copyQueryDocument(
  value: unknown,
  path: string,
  policy: InspectionPolicy,
  depth = 0,
): Record<string, unknown> {
  if (depth > MAX_DEPTH) refuse(IsolationRule.MalformedOperation, path);
  if (!isPlainObject(value)) refuse(IsolationRule.MalformedOperation, path);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const keyPath = `${path}.${key}`;
    checkKey(key, keyPath);
    const child = value[key];
    if (LOGICAL_QUERY_OPERATORS.has(key)) {
      if (!Array.isArray(child)) refuse(IsolationRule.MalformedOperation, keyPath);
      copy[key] = child.map((branch: unknown, index) =>
        copyQueryDocument(branch, `${keyPath}[${index}]`, policy, depth + 1),
      );
    } else if (key === '$expr') {
      copy[key] = copyValue(child, keyPath, policy, 'expression', depth + 1);
    } else if (policy.tenantId !== null && isTenantPath(key)) {
      copy[key] = copyOwnTenantEquality(key, child, keyPath, policy.tenantId);
    } else {
      copy[key] = copyFieldCondition(child, keyPath, policy, depth + 1);
    }
  }
  copySymbols(value, copy);
  return copy;
}

/** The only acceptable use of `tenantId` in a tenant's filter: `tenantId: <own>` or `{ $eq: <own> }`. */
function copyOwnTenantEquality(
  key: string,
  value: unknown,
  path: string,
  tenantId: Types.ObjectId,
): Types.ObjectId {
  const operand =
    isPlainObject(value) && Object.keys(value).length === 1 && '$eq' in value ? value['$eq'] : value;
  if (key === 'tenantId' && isSameTenantId(operand, tenantId)) return tenantId;
  refuse(
    mentionsForeignTenant(value, tenantId) ? IsolationRule.ForeignTenant : IsolationRule.TenantFieldOperator,
    path,
  );
}

function mentionsForeignTenant(value: unknown, tenantId: Types.ObjectId, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (looksLikeTenantId(value)) return !isSameTenantId(value, tenantId);
  if (Array.isArray(value)) return value.some((item) => mentionsForeignTenant(item, tenantId, depth + 1));
  if (isPlainObject(value)) {
    return Object.keys(value).some((key) => mentionsForeignTenant(value[key], tenantId, depth + 1));
  }
  return false;
}

/** A field's condition: a literal, or an operator object whose `$elemMatch` and `$not` hold query parts. */
function copyFieldCondition(value: unknown, path: string, policy: InspectionPolicy, depth: number): unknown {
  if (!isPlainObject(value)) return copyValue(value, path, policy, 'value', depth);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const keyPath = `${path}.${key}`;
    checkKey(key, keyPath);
    const child = value[key];
    if (key === '$elemMatch' && isPlainObject(child)) {
      copy[key] = copyQueryDocument(child, keyPath, policy, depth + 1);
    } else if (key === '$not') {
      copy[key] = copyFieldCondition(child, keyPath, policy, depth + 1);
    } else if (policy.tenantId !== null && isTenantPath(key)) {
      copy[key] = copyOwnTenantEquality(key, child, keyPath, policy.tenantId);
    } else {
      copy[key] = copyValue(child, keyPath, policy, 'value', depth + 1);
    }
  }
  copySymbols(value, copy);
  return copy;
}

/**
 * Any other value: literals, operator arguments, aggregation expressions and stage specifications. Nested
 * keys are checked the same way everywhere, so `tenantId` hidden in an embedded document or an operator's
 * argument is still judged.
 */
export function copyValue(
  value: unknown,
  path: string,
  policy: InspectionPolicy,
  mode: ValueMode = 'value',
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH) refuse(IsolationRule.MalformedOperation, path);
  if (typeof value === 'function' || typeof value === 'symbol')
    refuse(IsolationRule.UninspectableValue, path);
  if (typeof value === 'string') {
    if (mode === 'expression' && policy.tenantId !== null && referencesTenantField(value)) {
      refuse(IsolationRule.TenantFieldOperator, path);
    }
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => copyValue(item, `${path}[${index}]`, policy, mode, depth + 1));
  }
  if (!isPlainObject(value)) {
    if (isBsonScalar(value)) return value;
    refuse(IsolationRule.UninspectableValue, path);
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const keyPath = `${path}.${key}`;
    checkKey(key, keyPath);
    if (mode !== 'stage' && policy.tenantId !== null && isTenantPath(key)) {
      copy[key] = copyOwnTenantEquality(key, value[key], keyPath, policy.tenantId);
    } else {
      copy[key] = copyValue(value[key], keyPath, policy, mode, depth + 1);
    }
  }
  copySymbols(value, copy);
  return copy;
}

/** `$tenantId`, `$$ROOT.tenantId`, `$$CURRENT.tenantId.x`, or the bare name a `$getField` would take. */
function referencesTenantField(value: string): boolean {
  if (value === 'tenantId') return true;
  if (!value.startsWith('$')) return false;
  return value
    .replace(/^\$+/, '')
    .split('.')
    .some((segment) => segment === 'tenantId');
}

/** Keeps Mongoose's `trusted()` mark (a symbol) so sanitizeFilter still honours what the caller trusted. */
function copySymbols(source: object, target: Record<string | symbol, unknown>): void {
  for (const symbol of Object.getOwnPropertySymbols(source)) {
    if (Object.prototype.propertyIsEnumerable.call(source, symbol)) {
      target[symbol] = (source as Record<symbol, unknown>)[symbol];
    }
  }
}
