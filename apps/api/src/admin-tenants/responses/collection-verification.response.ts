import type { CollectionVerification } from '@tenantpay/placement-move';

/**
 * What verifying one collection found: every document compared before the freeze, those written since compared
 * again while frozen, just before the switch.
 */
export class CollectionVerificationResponse implements CollectionVerification {
  readonly collection!: string;
  /** The tenant's documents on each side, counted by the last catch-up pass before the freeze (writes still landing). */
  readonly sourceCount!: number;
  readonly targetCount!: number;
  /** SHA-256 of the canonical BSON of each document compared while frozen, summed modulo 2^256 (hex). */
  readonly sourceChecksum!: string;
  readonly targetChecksum!: string;
  /** Documents compared one by one before the freeze. */
  readonly comparedBeforeFreeze!: number;
  /** Documents compared while frozen: those written since the last comparison before it. */
  readonly comparedWhileFrozen!: number;
  readonly matches!: boolean;
}
