/** How an application configures data isolation (DataIsolationModule.forRoot). */
export interface DataIsolationOptions {
  /**
   * Collections that are not tenant-owned but may be joined from tenant pipelines (reference data such as
   * currencies). Every other non-tenant collection is refused in `$lookup`, `$unionWith` and `$graphLookup`.
   */
  readonly sharedCollections?: readonly string[];
  /**
   * Collections the application owns that are not tenant-owned (tenants, platform users). A tenant context may
   * read and write them directly (their libraries scope their own documents) but never join them; any collection neither tenant-owned, listed here nor shared is closed to tenants.
   */
  readonly platformCollections?: readonly string[];
  /**
   * Platform-owned collections whose documents carry a `tenantId` (audit events, usage records, support
   * sessions). Platform-owned as above, but a tenant context may touch only its own tenant's documents: the
   * command wall checks that every read and change names the tenant and every insert carries it (or no
   * tenant: a platform event).
   */
  readonly tenantKeyedCollections?: readonly string[];
}

export const DATA_ISOLATION_OPTIONS = Symbol('DATA_ISOLATION_OPTIONS');
