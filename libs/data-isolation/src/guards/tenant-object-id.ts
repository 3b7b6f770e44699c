import { Types } from 'mongoose';
import { TENANT_ID_FIELD } from '../data-isolation.constant';

const HEX_OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/**
 * The one canonical BSON type of `tenantId` is ObjectId. Tenant snapshots carry the hex form; this is the
 * only conversion, and it refuses anything but 24 hex digits (the driver would also accept a 12-character
 * string as raw bytes, which would let one id hide inside another's spelling).
 */
export function toTenantObjectId(id: string | Types.ObjectId): Types.ObjectId {
  if (id instanceof Types.ObjectId) return id;
  if (typeof id !== 'string' || !HEX_OBJECT_ID.test(id)) {
    throw new TypeError('A tenant id must be a 24-digit hexadecimal ObjectId');
  }
  return new Types.ObjectId(id.toLowerCase());
}

/** Whether `value` names exactly `tenantId`, as an ObjectId or its 24-hex spelling. */
export function isSameTenantId(value: unknown, tenantId: Types.ObjectId): boolean {
  if (value instanceof Types.ObjectId) return value.equals(tenantId);
  return (
    typeof value === 'string' && HEX_OBJECT_ID.test(value) && value.toLowerCase() === tenantId.toHexString()
  );
}

/** Whether `value` could be read as some tenant's id (so a mismatch is a foreign tenant, not an operator). */
export function looksLikeTenantId(value: unknown): boolean {
  return value instanceof Types.ObjectId || (typeof value === 'string' && HEX_OBJECT_ID.test(value));
}

/** `tenantId` itself or a path below it (`tenantId.x`, `tenantId.$`, `tenantId.0`). */
export function isTenantPath(path: string): boolean {
  return path === TENANT_ID_FIELD || path.startsWith(`${TENANT_ID_FIELD}.`);
}
