import type { TenantSnapshot } from '../tenants/tenant-snapshot';

/**
 * How a snapshot travels through Redis. A value read back is checked for the fields the platform relies
 * on (a corrupted or foreign entry is treated as a miss, never trusted) and deeply frozen again, so a
 * cached tenant is as immutable as a freshly built one.
 */
export function encodeTenantSnapshot(snapshot: TenantSnapshot): string {
  return JSON.stringify(snapshot);
}

export function decodeTenantSnapshot(json: string): TenantSnapshot | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  return looksLikeSnapshot(value) ? deepFreeze(value) : null;
}

function looksLikeSnapshot(value: unknown): value is TenantSnapshot {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['id'] === 'string' &&
    typeof candidate['slug'] === 'string' &&
    typeof candidate['name'] === 'string' &&
    typeof candidate['tier'] === 'string' &&
    typeof candidate['isActive'] === 'boolean' &&
    typeof candidate['isArchived'] === 'boolean' &&
    typeof candidate['limits'] === 'object' &&
    candidate['limits'] !== null &&
    Array.isArray(candidate['features']) &&
    Array.isArray(candidate['verifiedDomains']) &&
    Array.isArray(candidate['allDomains']) &&
    typeof candidate['settings'] === 'object' &&
    candidate['settings'] !== null &&
    // An entry cached before placements existed has none: a miss, reloaded from the database, never read as
    // `shared` (the tenant may have been placed elsewhere since).
    typeof candidate['placement'] === 'string' &&
    // Likewise an entry cached before moves existed: read as "not moving" it would let a moving tenant's writes
    // skip the move's write gate.
    typeof candidate['moving'] === 'boolean' &&
    typeof candidate['updatedAt'] === 'string'
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
