import type { Types } from 'mongoose';
import { TENANT_ID_FIELD } from '../data-isolation.constant';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { checkKey, copyValue, isPlainObject } from './copy-query-value';
import { refuse } from './refuse';
import { ID_FIELD, isIdPath, isServerIssuedId } from './server-assigned-id';
import { isSameTenantId, isTenantPath } from './tenant-object-id';

/**
 * An inserted document or a replacement: a copy stamped with the context's tenant. A different `tenantId`
 * is refused rather than overwritten, because a caller sending one is either confused or attacking, and
 * silently "fixing" it would hide both. Top-level `$`-keys and dotted keys are refused: a replacement is a
 * document, not an update. `_id` is refused unless the repository issued it (see server-assigned-id.ts).
 */
export function guardNewDocument(
  document: unknown,
  tenantId: Types.ObjectId,
  path = 'document',
): Record<string, unknown> {
  if (!isPlainObject(document)) refuse(IsolationRule.MalformedOperation, path);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(document)) {
    const keyPath = `${path}.${key}`;
    checkKey(key, keyPath);
    if (key.startsWith('$') || key.includes('.')) refuse(IsolationRule.MalformedOperation, keyPath);
    if (key === ID_FIELD && isServerIssuedId(document[key])) {
      copy[key] = document[key];
      continue;
    }
    if (isIdPath(key)) refuse(IsolationRule.ServerAssignedId, keyPath);
    if (isTenantPath(key)) {
      if (!isSameTenantId(document[key], tenantId)) refuse(IsolationRule.ForeignTenant, keyPath);
      continue;
    }
    copy[key] = copyValue(document[key], keyPath, { tenantId });
  }
  copy[TENANT_ID_FIELD] = tenantId;
  return copy;
}
