import { CLAIM_PRODUCER_SEQUENCE_LUA } from '@tenantpay/rate-limiting';

import { USAGE_BASELINE_FIELD } from './usage.constant';

/**
 * Applies a growth (or shrink) of a tenant's stored bytes to its running total, once per producer sequence
 * (CLAIM_PRODUCER_SEQUENCE_LUA), and raises the period's `storage_bytes` gauge to that total: the period reports
 * the most the tenant stored, whatever order measurements arrive in. A shrink also adds to the lifetime `shrunk`
 * counter, which the sync persists with the total (see StorageTotal).
 *
 * Like a replayed usage event (RECORD_USAGE_SCRIPT), a retried growth (its first write may have landed) is
 * applied only to a usage hash that has its baseline: one without may have lost the marks recognising a growth
 * MongoDB already counts, so the reply asks for the hash's baseline first (-1). A total without its baseline
 * (first use, or Redis lost it) holds only what grew since: the reply asks for the persisted total (0), which
 * the caller passes and which is added once (`HSETNX` on the baseline field decides).
 *
 * The producer's floor lives in the period's usage hash (CLAIM_PRODUCER_SEQUENCE_LUA), which gets its TTL here.
 * Every applied growth marks the tenant-period dirty, also one that leaves the gauge as it was (a shrink): the
 * sync must persist the total and the marks that moved with it.
 *
 * KEYS: 1 storage total hash, 2 period usage hash, 3 producer marks, 4 the tenant's dirty shard.
 * ARGV: 1 delta bytes, 2 retry ('1' a retry, '0' the first write), 3 persisted total bytes ('' unknown),
 *       4 persisted shrunk bytes, 5 usage hash TTL s, 6 marks TTL s, 7 dirty-shard member, 8 storage total
 *       TTL s, 9 sequence, 10 producer floor, 11 producer floor field.
 * Reply: 1 applied (or recognised as applied) and the gauge updated, 0 the persisted total is needed, -1 the
 *        usage hash's baseline is needed.
 */
export const RECORD_STORAGE_GROWTH_SCRIPT = `${CLAIM_PRODUCER_SEQUENCE_LUA}
if ARGV[2] == '1' and redis.call('HEXISTS', KEYS[2], '${USAGE_BASELINE_FIELD}') == 0 then return -1 end
local total = KEYS[1]
if ARGV[3] ~= '' and redis.call('HSETNX', total, '${USAGE_BASELINE_FIELD}', '1') == 1 then
  redis.call('HINCRBY', total, 'bytes', ARGV[3])
  redis.call('HINCRBY', total, 'shrunk', ARGV[4])
end
if claimProducerSequence(KEYS[2], ARGV[11], KEYS[3], ARGV[9], ARGV[10], ARGV[6]) then
  redis.call('HINCRBY', total, 'bytes', ARGV[1])
  if string.sub(ARGV[1], 1, 1) == '-' then redis.call('HINCRBY', total, 'shrunk', string.sub(ARGV[1], 2)) end
  redis.call('EXPIRE', KEYS[2], ARGV[5])
  redis.call('SADD', KEYS[4], ARGV[7])
end
redis.call('EXPIRE', total, ARGV[8])
if redis.call('HEXISTS', total, '${USAGE_BASELINE_FIELD}') == 0 then return 0 end
local bytes = tonumber(redis.call('HGET', total, 'bytes')) or 0
local stored = tonumber(redis.call('HGET', KEYS[2], 'storage_bytes')) or 0
if bytes > stored then
  redis.call('HSET', KEYS[2], 'storage_bytes', bytes)
  redis.call('EXPIRE', KEYS[2], ARGV[5])
  redis.call('SADD', KEYS[4], ARGV[7])
end
return 1
`;
