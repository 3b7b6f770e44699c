/** One collection's file inside the archive. */
export interface ExportedCollection {
  readonly name: string;
  /** The entry's path in the tar: `collections/<name>.ndjson.gz`. */
  readonly entry: string;
  readonly documents: number;
  /** Size and SHA-256 (hex) of the gzipped NDJSON entry. */
  readonly bytes: number;
  readonly sha256: string;
}

/** A written archive: a tar holding `manifest.json` and one gzipped NDJSON file per tenant-owned collection. */
export interface TenantExportArchive {
  /** The file's name inside the configured archive directory. */
  readonly fileName: string;
  readonly bytes: number;
  /** SHA-256 (hex) of the whole archive file, also written beside it as `<fileName>.sha256`. */
  readonly sha256: string;
  readonly collections: readonly ExportedCollection[];
}
