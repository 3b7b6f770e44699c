/** Where an export reads from: the tenant-owned collections and, for each, its documents one at a time. */
export interface TenantDocumentSource {
  collections(): readonly string[];
  /** Lazily produced (a cursor): the archive writer pulls the next document only when it has room for it. */
  documents(collection: string): AsyncIterable<object>;
}
