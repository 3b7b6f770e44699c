import type { ExportedCollection } from '@tenantpay/offboarding';

/** One collection's file inside an offboarding archive. */
export class ExportedCollectionResponse implements ExportedCollection {
  /** @example "payments" */
  readonly name!: string;
  /** The entry's path in the tar. @example "collections/payments.ndjson.gz" */
  readonly entry!: string;
  readonly documents!: number;
  /** Size of the gzipped NDJSON entry. */
  readonly bytes!: number;
  /** SHA-256 (hex) of the gzipped NDJSON entry. */
  readonly sha256!: string;
}
