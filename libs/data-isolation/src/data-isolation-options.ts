/** How an application configures data isolation (DataIsolationModule.forRoot). */
export interface DataIsolationOptions {
  /**
   * Collections that are not tenant-owned but may be joined from tenant pipelines (reference data such as
   * currencies). Every other non-tenant collection is refused in `$lookup`, `$unionWith` and `$graphLookup`.
   */
  readonly sharedCollections?: readonly string[];
}

export const DATA_ISOLATION_OPTIONS = Symbol('DATA_ISOLATION_OPTIONS');
