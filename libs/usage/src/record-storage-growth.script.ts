import { CLAIM_PRODUCER_SEQUENCE_LUA } from '@tenantpay/rate-limiting';

import { USAGE_BASELINE_FIELD } from './usage.constant';

/**
 * Applies a growth (or shrink) of a tenant's stored bytes to its running total, once per producer sequence
 * (CLAIM_PRODUCER_SEQUENCE_LUA), and
 * raises the period's `storage_bytes` gauge to that total: the period reports the most the tenant stored,
 * whatever order measurements arrive in. A total without a baseline (first use, or Redis lost it) is not
 * trusted: the reply says so and the caller retries with the last persisted size as the baseline.
 *
 * The producer's floor lives in the period's usage hash (CLAIM_PRODUCER_SEQUENCE_LUA), which gets its TTL here.
 *
 * KEYS: 1 storage total hash, 2 period usage hash, 3 producer marks, 4 the tenant's dirty shard.
 * ARGV: 1 delta bytes, 2 baseline bytes ('' unknown), 3 usage hash TTL s, 4 marks TTL s, 5 dirty-shard member,
 *       6 storage total TTL s, 7 sequence, 8 producer floor, 9 producer floor field.
 * Reply: 1 when the gauge was updated, 0 when a baseline is needed.
 */
export const RECORD_STORAGE_GROWTH_SCRIPT = `${CLAIM_PRODUCER_SEQUENCE_LUA}
local total = KEYS[1]
if ARGV[2] ~= '' and redis.call('HSETNX', total, '${USAGE_BASELINE_FIELD}', '1') == 1 then
  redis.call('HINCRBY', total, 'bytes', ARGV[2])
end
if claimProducerSequence(KEYS[2], ARGV[9], KEYS[3], ARGV[7], ARGV[8], ARGV[4]) then
  redis.call('HINCRBY', total, 'bytes', ARGV[1])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
end
redis.call('EXPIRE', total, ARGV[6])
if redis.call('HEXISTS', total, '${USAGE_BASELINE_FIELD}') == 0 then return 0 end
local bytes = tonumber(redis.call('HGET', total, 'bytes')) or 0
local stored = tonumber(redis.call('HGET', KEYS[2], 'storage_bytes')) or 0
if bytes > stored then
  redis.call('HSET', KEYS[2], 'storage_bytes', bytes)
  redis.call('EXPIRE', KEYS[2], ARGV[3])
  redis.call('SADD', KEYS[4], ARGV[5])
end
return 1
`;
