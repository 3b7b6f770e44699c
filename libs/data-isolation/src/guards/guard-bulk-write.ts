import type { Types } from 'mongoose';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { checkKey, copyValue, isPlainObject } from './copy-query-value';
import { guardFilter } from './guard-filter';
import { guardNewDocument } from './guard-new-document';
import { guardReplacement } from './guard-replacement';
import { guardUpdate } from './guard-update';
import { guardUpsertFilter } from './guard-upsert-filter';
import { refuse } from './refuse';

export type GuardedBulkOperation =
  | { insertOne: { document: Record<string, unknown> } }
  | { updateOne: GuardedBulkUpdate }
  | { updateMany: GuardedBulkUpdate }
  | {
      replaceOne: { filter: Record<string, unknown>; replacement: Record<string, unknown>; upsert: boolean };
    };

interface GuardedBulkUpdate {
  filter: Record<string, unknown>;
  update: ReturnType<typeof guardUpdate>;
  upsert: boolean;
  arrayFilters?: unknown[];
}

export interface SoftDeleteStamp {
  readonly deletedAt: Date;
  readonly deletedBy: string | null;
}

/** The fields each kind may carry; anything else (collation, hint, let…) is refused, not passed through. */
const ALLOWED_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  insertOne: new Set(['document']),
  updateOne: new Set(['filter', 'update', 'upsert', 'arrayFilters']),
  updateMany: new Set(['filter', 'update', 'upsert', 'arrayFilters']),
  replaceOne: new Set(['filter', 'replacement', 'upsert']),
  deleteOne: new Set(['filter']),
  deleteMany: new Set(['filter']),
};

/**
 * Rebuilds each bulk operation from scratch through the same guards as the single operations: exactly one
 * known kind per operation, filters scoped, inserts and replacements stamped, updates checked. A tenant's
 * deletes are soft deletes here as everywhere else in the tenant API.
 */
export function guardBulkWrite(
  operations: unknown,
  tenantId: Types.ObjectId,
  softDelete: SoftDeleteStamp,
): GuardedBulkOperation[] {
  if (!Array.isArray(operations)) refuse(IsolationRule.MalformedOperation, 'operations');
  return operations.map((operation: unknown, index) => {
    const path = `operations[${index}]`;
    if (!isPlainObject(operation)) refuse(IsolationRule.MalformedOperation, path);
    const kinds = Object.keys(operation);
    const [kind] = kinds;
    if (kinds.length !== 1 || kind === undefined) refuse(IsolationRule.MalformedOperation, path);
    checkKey(kind, `${path}.${kind}`);
    const allowed = Object.hasOwn(ALLOWED_FIELDS, kind) ? ALLOWED_FIELDS[kind] : undefined;
    if (allowed === undefined) refuse(IsolationRule.MalformedOperation, `${path}.${kind}`);
    const spec = operation[kind];
    if (!isPlainObject(spec)) refuse(IsolationRule.MalformedOperation, `${path}.${kind}`);
    for (const field of Object.keys(spec)) {
      if (!allowed.has(field)) refuse(IsolationRule.UnsupportedOption, `${path}.${kind}.${field}`);
    }
    const upsert = spec['upsert'] === true;
    guardUpsertFilter(spec['filter'], upsert, `${path}.${kind}.filter`);
    switch (kind) {
      case 'insertOne':
        return { insertOne: { document: guardNewDocument(spec['document'], tenantId, `${path}.document`) } };
      case 'updateOne':
      case 'updateMany': {
        const update: GuardedBulkUpdate = {
          filter: guardFilter(spec['filter'] ?? {}, tenantId) as unknown as Record<string, unknown>,
          update: guardUpdate(spec['update'], tenantId, { upsert }),
          upsert,
        };
        if (spec['arrayFilters'] !== undefined) {
          const arrayFilters = copyValue(spec['arrayFilters'], `${path}.arrayFilters`, { tenantId });
          if (!Array.isArray(arrayFilters)) refuse(IsolationRule.MalformedOperation, `${path}.arrayFilters`);
          update.arrayFilters = arrayFilters;
        }
        return kind === 'updateOne' ? { updateOne: update } : { updateMany: update };
      }
      case 'replaceOne':
        return {
          replaceOne: {
            filter: guardFilter(spec['filter'] ?? {}, tenantId) as unknown as Record<string, unknown>,
            replacement: guardReplacement(spec['replacement'], tenantId, `${path}.replacement`),
            upsert,
          },
        };
      default: {
        const softDeleteUpdate = {
          filter: guardFilter(spec['filter'] ?? {}, tenantId) as unknown as Record<string, unknown>,
          update: { $set: { deletedAt: softDelete.deletedAt, deletedBy: softDelete.deletedBy } },
          upsert: false,
        };
        return kind === 'deleteOne' ? { updateOne: softDeleteUpdate } : { updateMany: softDeleteUpdate };
      }
    }
  });
}
