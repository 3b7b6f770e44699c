/**
 * Every collection a `tenantOwnedSchema` was declared for in this process. The command wall reads it to know
 * which commands must carry a tenant; it is filled when schemas are built (their files are imported at boot),
 * before any command is sent, and only ever grows, so registering can only make the wall stricter.
 */
const names = new Set<string>();

export function registerTenantOwnedCollection(collection: string): void {
  names.add(collection);
}

export function isTenantOwnedCollection(collection: string): boolean {
  return names.has(collection);
}

/**
 * Every tenant-owned collection declared in this process, sorted: what a tenant's offboarding exports and
 * deletes. Because it is the registry `tenantOwnedSchema` fills, a new tenant-owned collection is included
 * without anyone listing it (as long as the process imports its schema; see the offboarding tests).
 */
export function tenantOwnedCollectionNames(): readonly string[] {
  return [...names].sort();
}
