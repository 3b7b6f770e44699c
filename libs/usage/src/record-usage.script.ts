import { CLAIM_PRODUCER_SEQUENCE_LUA } from '@tenantpay/rate-limiting';

import { USAGE_BASELINE_FIELD } from './usage.constant';

/**
 * Records one usage event atomically: only a fresh event increments — one whose producer sequence was not
 * applied before (CLAIM_PRODUCER_SEQUENCE_LUA) and, for a keyed event, whose marker `SET NX EX` claims — so a
 * retry or a replay never counts twice; the gauge `storage_bytes` only ever rises to the largest measurement
 * (order-independent, so replays and reorderings cannot lower it); the tenant-period joins its dirty shard for
 * the sync job. When the hash holds absolute values (its baseline is set), reaching a threshold of the watched
 * metric sets that threshold's flag with `SET NX`: exactly one caller, on any instance, learns that it crossed
 * it.
 *
 * A replayed event ('r': its first write may have landed) is applied only to a hash that has its baseline: a
 * hash without one may have lost the marks that would recognise it, while MongoDB may already count it (the
 * sync copied it before Redis lost its data). The reply then asks for the baseline (applied -1), whose seeding
 * restores the persisted marks (SEED_USAGE_BASELINE_SCRIPT), and the caller replays again. A keyed event's
 * marker is set even when its sequence was already applied, so after Redis lost the marker it guards the
 * business id again; the marker is not persisted, the producer marks are.
 *
 * KEYS: 1 usage hash, 2 producer marks, 3 the tenant's dirty shard, 4..3+n one flag per threshold (same order
 *       as in ARGV), 4+n the event marker (keyed events only).
 * ARGV: 1 hash TTL s, 2 identity ('s' first write, 'r' replay, '0' write nothing, only check thresholds),
 *       3 marks TTL s, 4 sequence, 5 producer floor, 6 dirty-shard member, 7 storage measurement ('' none),
 *       8 watched metric ('' none), 9 its limit, 10 flag TTL s, 11 number of thresholds n, 12..11+n threshold
 *       percentages, 12+n producer floor field, 13+n marker TTL s ('' not keyed), then field / delta pairs.
 * Reply: { applied 1|0|-1 (baseline needed first), baseline set 0|1, watched metric's value, thresholds newly
 *          reached... }.
 */
export const RECORD_USAGE_SCRIPT = `${CLAIM_PRODUCER_SEQUENCE_LUA}
local hash = KEYS[1]
local identity = ARGV[2]
local thresholdCount = tonumber(ARGV[11])
local baseline = redis.call('HEXISTS', hash, '${USAGE_BASELINE_FIELD}')
if identity == 'r' and baseline == 0 then return { -1, 0, 0 } end
local fresh = false
if identity == 's' or identity == 'r' then
  fresh = claimProducerSequence(hash, ARGV[12 + thresholdCount], KEYS[2], ARGV[4], ARGV[5], ARGV[3])
  local marker = KEYS[4 + thresholdCount]
  if marker and not redis.call('SET', marker, '1', 'NX', 'EX', ARGV[13 + thresholdCount]) then fresh = false end
end
local applied = 0
if fresh then
  applied = 1
  for i = 14 + thresholdCount, #ARGV, 2 do
    redis.call('HINCRBY', hash, ARGV[i], ARGV[i + 1])
  end
  if ARGV[7] ~= '' then
    local stored = tonumber(redis.call('HGET', hash, 'storage_bytes')) or 0
    if tonumber(ARGV[7]) > stored then redis.call('HSET', hash, 'storage_bytes', ARGV[7]) end
  end
  redis.call('EXPIRE', hash, ARGV[1])
  redis.call('SADD', KEYS[3], ARGV[6])
end
local reply = { applied, baseline, 0 }
if ARGV[8] ~= '' then
  local value = tonumber(redis.call('HGET', hash, ARGV[8])) or 0
  reply[3] = value
  local limit = tonumber(ARGV[9])
  if baseline == 1 and value > 0 then
    for i = 1, thresholdCount do
      local percent = tonumber(ARGV[11 + i])
      if value * 100 >= percent * limit and redis.call('SET', KEYS[3 + i], '1', 'NX', 'EX', ARGV[10]) then
        reply[#reply + 1] = percent
      end
    end
  end
end
return reply
`;
