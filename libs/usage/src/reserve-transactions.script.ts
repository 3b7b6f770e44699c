import { QUOTA_HELD_TOTAL_FIELD, USAGE_BASELINE_FIELD } from './usage.constant';

/**
 * Checks and holds transaction quota in one step, so concurrent creations on any number of instances can never
 * together pass the limit: `used + held + units <= limit`, where `used` is the period's counted transactions and
 * `held` the units of every live hold (payments being created, batch rows not created yet).
 *
 * Holds past their expiry (Redis `TIME`, not the app's clock: instances' clocks differ) are given back first, a
 * bounded number per call. Taking a hold that already exists only renews it: a creation whose MongoDB
 * transaction is retried runs this again with the same hold id and must not take its units twice.
 *
 * `used` is absolute only while the usage hash carries its baseline; without it (first write of the period, or
 * Redis lost its data) the persisted count must be added, which the caller passes once it has read it (reply
 * -1 asks for it).
 *
 * KEYS: 1 usage hash, 2 hold expiries (sorted set), 3 held units (hash).
 * ARGV: 1 limit, 2 units, 3 hold id, 4 hold lifetime ms, 5 transactions this process counted but has not
 *       written yet, 6 persisted transactions ('' not read).
 * Reply: { 1 held | 0 refused | -1 baseline needed, units still free after this call }.
 */
export const RESERVE_TRANSACTIONS_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
for _, id in ipairs(expired) do
  local units = tonumber(redis.call('HGET', KEYS[3], id)) or 0
  redis.call('HDEL', KEYS[3], id)
  redis.call('HINCRBY', KEYS[3], '${QUOTA_HELD_TOTAL_FIELD}', -units)
  redis.call('ZREM', KEYS[2], id)
end
local used = tonumber(redis.call('HGET', KEYS[1], 'transactions')) or 0
if redis.call('HEXISTS', KEYS[1], '${USAGE_BASELINE_FIELD}') == 0 then
  if ARGV[6] == '' then return { -1, 0 } end
  used = used + tonumber(ARGV[6])
end
used = used + tonumber(ARGV[5])
local limit = tonumber(ARGV[1])
local units = tonumber(ARGV[2])
local held = tonumber(redis.call('HGET', KEYS[3], '${QUOTA_HELD_TOTAL_FIELD}')) or 0
local expiresAt = now + tonumber(ARGV[4])
if redis.call('HEXISTS', KEYS[3], ARGV[3]) == 1 then
  redis.call('ZADD', KEYS[2], expiresAt, ARGV[3])
  return { 1, math.max(0, limit - used - held) }
end
if used + held + units > limit then return { 0, math.max(0, limit - used - held) } end
redis.call('HSET', KEYS[3], ARGV[3], units)
redis.call('HINCRBY', KEYS[3], '${QUOTA_HELD_TOTAL_FIELD}', units)
redis.call('ZADD', KEYS[2], expiresAt, ARGV[3])
for i = 2, 3 do
  if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
end
return { 1, limit - used - held - units }
`;
