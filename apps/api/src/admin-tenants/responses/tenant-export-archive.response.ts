import type { TenantExportArchive } from '@tenantpay/offboarding';
import { ExportedCollectionResponse } from './exported-collection.response';

/** A tenant's export: a tar of `manifest.json` and one gzipped NDJSON file per collection. */
export class TenantExportArchiveResponse implements TenantExportArchive {
  readonly fileName!: string;
  readonly bytes!: number;
  /** SHA-256 (hex) of the whole archive (the download's `Repr-Digest`). */
  readonly sha256!: string;
  readonly collections!: ExportedCollectionResponse[];
}
