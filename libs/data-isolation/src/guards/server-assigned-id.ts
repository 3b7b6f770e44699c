import { Types } from 'mongoose';
import { isPlainObject } from './copy-query-value';

/**
 * `_id` of a tenant-owned document is always made on the server side (Mongoose's ObjectId default), never
 * chosen by a caller. A chosen one is an existence oracle: ObjectIds made by one process are sequential and so
 * guessable, and `_id_` is the one unique index that does not start with `tenantId`, so a duplicate-key error
 * on it would tell tenant A that tenant B holds that id. No write may choose it: not a new document, a
 * replacement, an update operator, a pipeline update, nor an upsert's filter (an upsert inserts the equality
 * fields of its filter, `_id` included). These checks only read; both lines of defence use them.
 *
 * Code that needs an id before the insert (bound into a ciphertext or an event body) asks for one with
 * `issueServerId()`: a fresh ObjectId remembered by identity in a module-private WeakSet, so no id parsed from
 * input or built by hand (`new Types.ObjectId(hex)`) passes for it.
 */

export const ID_FIELD = '_id';

const issuedIds = new WeakSet<Types.ObjectId>();

export function issueServerId(): Types.ObjectId {
  const id = new Types.ObjectId();
  issuedIds.add(id);
  return id;
}

export function isServerIssuedId(value: unknown): boolean {
  return value instanceof Types.ObjectId && issuedIds.has(value);
}

export function isIdPath(path: string): boolean {
  return path === ID_FIELD || path.startsWith(`${ID_FIELD}.`);
}

/** Whether a filter names `_id` anywhere (at the top, under `$and`/`$or`/`$nor`, or as a dotted path). */
export function mentionsId(filter: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (Array.isArray(filter)) return filter.some((item) => mentionsId(item, depth + 1));
  if (!isPlainObject(filter)) return false;
  return Object.keys(filter).some(
    (key) => isIdPath(key) || (key.startsWith('$') && mentionsId(filter[key], depth + 1)),
  );
}

/** Stages of a pipeline update that decide the whole document, and so its `_id` on an upsert. */
const DOCUMENT_REPLACING_STAGES: ReadonlySet<string> = new Set(['$replaceWith', '$replaceRoot']);
const FIELD_SETTING_STAGES: ReadonlySet<string> = new Set(['$set', '$addFields', '$project']);

/**
 * Where an update or replacement would choose `_id`, or undefined. A replacement must not carry one the server
 * did not issue; an
 * operator update must not name it (through any operator, `$rename` in either direction included); a pipeline
 * update must not set it, nor (on an upsert) replace the whole document.
 */
export function findIdWrite(update: unknown, isReplacement: boolean, upsert: boolean): string | undefined {
  if (update === undefined || update === null) return undefined;
  if (isReplacement) {
    return isPlainObject(update) && Object.hasOwn(update, ID_FIELD) && !isServerIssuedId(update[ID_FIELD])
      ? 'replacement chooses _id'
      : undefined;
  }
  if (Array.isArray(update)) {
    for (const [index, stage] of update.entries()) {
      if (!isPlainObject(stage)) continue;
      for (const name of Object.keys(stage)) {
        const spec = stage[name];
        if (upsert && DOCUMENT_REPLACING_STAGES.has(name)) return `update[${index}].${name} chooses _id`;
        if (FIELD_SETTING_STAGES.has(name) && isPlainObject(spec) && Object.keys(spec).some(isIdPath)) {
          return `update[${index}].${name} writes _id`;
        }
      }
    }
    return undefined;
  }
  if (!isPlainObject(update)) return undefined;
  for (const key of Object.keys(update)) {
    if (!key.startsWith('$')) {
      if (isIdPath(key)) return `update writes ${key}`;
      continue;
    }
    const fields = update[key];
    if (!isPlainObject(fields)) continue;
    for (const field of Object.keys(fields)) {
      if (isIdPath(field)) return `update ${key} writes ${field}`;
      const target = fields[field];
      if (key === '$rename' && typeof target === 'string' && isIdPath(target))
        return 'update $rename writes _id';
    }
  }
  return undefined;
}
