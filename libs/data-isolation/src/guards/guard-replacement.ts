import type { Types } from 'mongoose';
import { UPDATED_AT_FIELD } from '../data-isolation.constant';
import { guardNewDocument } from './guard-new-document';

/**
 * A replacement document, guarded as an inserted one is, and without the caller's `updatedAt`: Mongoose stamps
 * a replacement with the current time only when it carries none, and a write stamped in the past would be
 * invisible to whatever reads "what changed since" (a placement move's catch-up and frozen check). Every
 * other tenant write is stamped by Mongoose whatever the caller sends.
 */
export function guardReplacement(
  document: unknown,
  tenantId: Types.ObjectId,
  path: string,
): Record<string, unknown> {
  const guarded = guardNewDocument(document, tenantId, path);
  delete guarded[UPDATED_AT_FIELD];
  return guarded;
}
