import { Types } from 'mongoose';
import { toTenantObjectId } from '../guards/tenant-object-id';

/**
 * The cast for `tenantId` paths. Mongoose's default ObjectId cast accepts a document (takes its `_id`), any
 * object with a `toString`, and 12-character strings as raw bytes; this one accepts an ObjectId or 24 hex
 * digits only, so an array- or object-valued tenant id can never be stored.
 */
export function castTenantId(value: unknown): Types.ObjectId | null | undefined {
  if (value === null || value === undefined) return value;
  if (value instanceof Types.ObjectId) return value;
  if (typeof value === 'string') return toTenantObjectId(value);
  throw new TypeError('tenantId must be an ObjectId');
}
