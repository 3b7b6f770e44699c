import { USAGE_BASELINE_FIELD } from './usage.constant';

/**
 * Records one usage event atomically: the event id is claimed with `SET NX EX` and only a fresh claim
 * increments, so a retry or a replay never counts twice; the gauge `storage_bytes` only ever rises to the
 * largest measurement (order-independent, so replays and reorderings cannot lower it); the tenant-period joins
 * its dirty shard for the sync job. When the hash holds absolute values (its baseline is set), reaching a
 * threshold of the watched metric sets that threshold's flag with `SET NX`: exactly one caller, on any
 * instance, learns that it crossed it.
 *
 * KEYS: 1 usage hash, 2 event marker, 3 the tenant's dirty shard, 4.. one flag per threshold (same order as in ARGV).
 * ARGV: 1 hash TTL s, 2 event TTL s ('0': write nothing, only check thresholds), 3 dirty-shard member, 4 storage measurement ('' none),
 *       5 watched metric ('' none), 6 its limit, 7 flag TTL s, 8 number of thresholds n, 9..8+n threshold
 *       percentages, then field / delta pairs.
 * Reply: { applied 0|1, baseline set 0|1, watched metric's value, thresholds newly reached... }.
 */
export const RECORD_USAGE_SCRIPT = `
local hash = KEYS[1]
local thresholdCount = tonumber(ARGV[8])
local applied = 0
if ARGV[2] ~= '0' and redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[2]) then
  applied = 1
  for i = 9 + thresholdCount, #ARGV, 2 do
    redis.call('HINCRBY', hash, ARGV[i], ARGV[i + 1])
  end
  if ARGV[4] ~= '' then
    local stored = tonumber(redis.call('HGET', hash, 'storage_bytes')) or 0
    if tonumber(ARGV[4]) > stored then redis.call('HSET', hash, 'storage_bytes', ARGV[4]) end
  end
  redis.call('EXPIRE', hash, ARGV[1])
  redis.call('SADD', KEYS[3], ARGV[3])
end
local baseline = redis.call('HEXISTS', hash, '${USAGE_BASELINE_FIELD}')
local reply = { applied, baseline, 0 }
if ARGV[5] ~= '' then
  local value = tonumber(redis.call('HGET', hash, ARGV[5])) or 0
  reply[3] = value
  local limit = tonumber(ARGV[6])
  if baseline == 1 and value > 0 then
    for i = 1, thresholdCount do
      local percent = tonumber(ARGV[8 + i])
      if value * 100 >= percent * limit and redis.call('SET', KEYS[3 + i], '1', 'NX', 'EX', ARGV[7]) then
        reply[#reply + 1] = percent
      end
    end
  end
end
return reply
`;
