import type { CollectionVerification } from '@tenantpay/placement-move';

/** What verifying one collection found, the tenant's writes frozen: counts and checksums on both sides. */
export class CollectionVerificationResponse implements CollectionVerification {
  readonly collection!: string;
  readonly sourceCount!: number;
  readonly targetCount!: number;
  /** SHA-256 of each document's canonical BSON, summed modulo 2^256 (hex). */
  readonly sourceChecksum!: string;
  readonly targetChecksum!: string;
  readonly matches!: boolean;
}
