import fc from 'fast-check';

import { UsageDirtyShards } from './usage-dirty-shards';
import { usageDirtySetKey, usageHashKey } from './usage.constant';

/** The hash tag Redis Cluster hashes for a key: the content of its first `{…}`, when non-empty. */
function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  const close = key.indexOf('}', open + 1);
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('UsageDirtyShards', () => {
  it('computes Redis Cluster slots as Redis does', () => {
    // Values from the Redis documentation of CLUSTER KEYSLOT.
    expect(UsageDirtyShards.slotOf('somekey')).toBe(11_058);
    expect(UsageDirtyShards.slotOf('hash_tag')).toBe(2_515);
  });

  it('puts every tenant’s dirty shard in the slot of the tenant’s own keys', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{24}$|^[a-z0-9:._-]{1,40}$/), (tenantId) => {
        const shardKey = usageDirtySetKey(UsageDirtyShards.tagFor(tenantId));
        const tenantKey = usageHashKey(tenantId, '2025-01');
        expect(UsageDirtyShards.slotOf(hashTagOf(shardKey))).toBe(
          UsageDirtyShards.slotOf(hashTagOf(tenantKey)),
        );
      }),
    );
  });

  it('names one shard per slot, so the sync job walks a fixed, complete list', () => {
    const tags = UsageDirtyShards.all();
    expect(tags).toHaveLength(UsageDirtyShards.COUNT);
    expect(tags.every((tag, slot) => UsageDirtyShards.slotOf(tag) === slot)).toBe(true);
  });
});
