import type { Types } from 'mongoose';
import { copyQueryDocument } from './copy-query-value';
import { type DeletedDocuments, tenantCondition } from './tenant-condition';

export interface GuardedFilter {
  /** Always `[callerFilterCopy, ...extraConditions, tenantCondition]`: the shape the plugin and probes expect. */
  readonly $and: Record<string, unknown>[];
}

/**
 * Scopes a caller's filter to the tenant: `{ $and: [copy, { tenantId, deletedAt: null }] }`. Never a spread
 * merge, where a caller key could overwrite ours or an `$or` could sit beside it; ANDing means nothing the
 * caller writes can widen the result beyond the tenant. The copy is judged on the way (see
 * copy-query-value.ts) and refuses naming another tenant, operators on `tenantId` and server-side JavaScript.
 */
export function guardFilter(
  filter: unknown,
  tenantId: Types.ObjectId,
  deleted: DeletedDocuments = 'exclude',
  extraConditions: readonly Record<string, unknown>[] = [],
): GuardedFilter {
  const callerFilter =
    filter === undefined || filter === null ? {} : copyQueryDocument(filter, 'filter', { tenantId });
  return { $and: [callerFilter, ...extraConditions, tenantCondition(tenantId, deleted)] };
}
