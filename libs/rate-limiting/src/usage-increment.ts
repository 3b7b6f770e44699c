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
   * Idempotency marker (`SET key 1 NX EX ttl`): when it already exists nothing is incremented, so an
   * increment retried after a timeout is never counted twice.
   */
  readonly event?: { readonly key: string; readonly ttlSeconds: number };
  /** A set the sync job reads to find what changed, and the member to add to it when counting. */
  readonly dirty?: { readonly setKey: string; readonly member: string };
  /** `admitted` (default): count only when the request is admitted; `always`: count refusals too. */
  readonly when?: 'admitted' | 'always';
}
