import type { CollectionRegistry } from '../guards/collection-registry';
import { isTenantOwnedCollection } from './tenant-owned-collection-names';

export interface WallCollections {
  /** Collections the product owns that are not tenant-owned (tenants, platform users, audit events…). */
  readonly platformCollections?: readonly string[];
  /**
   * Platform-owned collections whose documents carry a `tenantId` (audit events, usage records, support
   * sessions): platform-owned too, and inside a tenant context limited to that tenant's documents.
   */
  readonly tenantKeyedCollections?: readonly string[];
  /** Global reference data that tenant pipelines may join (see DataIsolationOptions.sharedCollections). */
  readonly sharedCollections?: readonly string[];
}

/**
 * What the command wall knows about a collection: tenant-owned (every `tenantOwnedSchema`), platform-owned
 * (declared by the application; tenant-keyed when its documents carry a `tenantId`), shared reference data (declared), or unregistered. A tenant context may not
 * touch an unregistered collection at all, so a new collection is closed until someone decides what it is.
 */
export class WallCollectionRegistry implements CollectionRegistry {
  private readonly platform: ReadonlySet<string>;
  private readonly tenantKeyed: ReadonlySet<string>;
  private readonly shared: ReadonlySet<string>;

  constructor(collections: WallCollections = {}) {
    this.tenantKeyed = new Set(collections.tenantKeyedCollections ?? []);
    this.platform = new Set([...(collections.platformCollections ?? []), ...this.tenantKeyed]);
    this.shared = new Set(collections.sharedCollections ?? []);
  }

  isTenantOwned(collection: string): boolean {
    return isTenantOwnedCollection(collection);
  }

  isShared(collection: string): boolean {
    return !this.isTenantOwned(collection) && this.shared.has(collection);
  }

  isPlatformOwned(collection: string): boolean {
    return !this.isTenantOwned(collection) && this.platform.has(collection);
  }

  isTenantKeyed(collection: string): boolean {
    return !this.isTenantOwned(collection) && this.tenantKeyed.has(collection);
  }
}
