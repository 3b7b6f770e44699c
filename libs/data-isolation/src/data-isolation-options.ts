/** How an application configures data isolation (DataIsolationModule.forRoot). */
export interface DataIsolationOptions {
  /**
   * Collections that are not tenant-owned but may be joined from tenant pipelines (reference data such as
   * currencies). Every other non-tenant collection is refused in `$lookup`, `$unionWith` and `$graphLookup`.
   */
  readonly sharedCollections?: readonly string[];
  /**
   * Collections the application owns that are not tenant-owned (tenants, platform users, audit events, usage
   * records). A tenant context may read and write them directly (their libraries scope their own documents)
   * but never join them; any collection neither tenant-owned, listed here nor shared is closed to tenants.
   */
  readonly platformCollections?: readonly string[];
}

export const DATA_ISOLATION_OPTIONS = Symbol('DATA_ISOLATION_OPTIONS');
