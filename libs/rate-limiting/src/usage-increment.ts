/**
 * Usage-metering writes that ride along in the rate-limit script's single EVALSHA, so a request costs one
 * Redis round trip in total. The usage library owns the key names and builds this; the limiter only carries
 * it. In Redis Cluster every key here must share the decision's hash tag (`{<subject>}`): one script call
 * touches one slot.
 */
export interface UsageIncrement {
  /** The usage hash, e.g. `usage:{<tenantId>}:2025-01`. */
  readonly hashKey: string;
  /** Fields and whole-number deltas, e.g. `{ api_calls: 1, bandwidth_bytes: 5120 }`. */
  readonly increments: Readonly<Record<string, number>>;
  readonly hashTtlSeconds: number;
  /**
   * The producer's sequence number for this increment (see `CLAIM_PRODUCER_SEQUENCE_LUA`): nothing is
   * incremented when it was applied before, so an increment replayed after a timeout is never counted twice.
   */
  readonly sequence?: ProducerSequence;
  /** A set the sync job reads to find what changed, and the member to add to it when counting. */
  readonly dirty?: { readonly setKey: string; readonly member: string };
  /** `admitted` (default): count only when the request is admitted; `always`: count refusals too. */
  readonly when?: 'admitted' | 'always';
  /**
   * Answer the hash's fields after the write (the decision's `usageHash`): for a request that reports the
   * tenant's usage next, which then needs no Redis round trip of its own.
   */
  readonly readBack?: boolean;
}

/** Where and how an increment's producer sequence is checked (`CLAIM_PRODUCER_SEQUENCE_LUA`). */
export interface ProducerSequence {
  /** The usage hash's field holding the producer's floor for the tenant-month, e.g. `~<id>`. */
  readonly floorField: string;
  /** The sequences it applied out of order, e.g. `usage:{<tenantId>}:2025-01:producer:<id>`. */
  readonly marksKey: string;
  readonly sequence: number;
  /** The producer's oldest increment of this tenant-month whose outcome it does not know yet. */
  readonly floor: number;
  readonly marksTtlSeconds: number;
}
