import { type Types, trusted } from 'mongoose';

/** Which soft-deleted documents an operation sees. */
export type DeletedDocuments = 'exclude' | 'include' | 'only';

/**
 * The condition every tenant operation is ANDed with. `deletedAt: null` also matches documents without the
 * field. The `$ne` is marked trusted because sanitizeFilter would otherwise neutralise our own operator.
 */
export function tenantCondition(
  tenantId: Types.ObjectId,
  deleted: DeletedDocuments = 'exclude',
): Record<string, unknown> {
  if (deleted === 'include') return { tenantId };
  if (deleted === 'only') return { tenantId, deletedAt: trusted({ $ne: null }) };
  return { tenantId, deletedAt: null };
}
