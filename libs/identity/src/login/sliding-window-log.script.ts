import { createHash } from 'node:crypto';

/**
 * One atomic decision on one sliding-window log (a sorted set of timestamps), timed by the Redis server's
 * clock so that every API instance agrees whatever its own clock says.
 *
 * KEYS[1]  the log
 * ARGV[1]  window in milliseconds
 * ARGV[2]  limit
 * ARGV[3]  mode: `consume` (admit and record if under the limit), `check` (admit if under the limit,
 *          record nothing), `record` (always record)
 * ARGV[4]  a random suffix that keeps members unique when two entries share a millisecond
 *
 * Returns { admitted (1|0), entries in the window, milliseconds until the oldest entry leaves it (0 if admitted) }.
 */
export const SLIDING_WINDOW_LOG_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local mode = ARGV[3]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if mode ~= 'record' and count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local wait = window
  if oldest[2] then wait = tonumber(oldest[2]) + window - now end
  return {0, count, wait}
end
if mode ~= 'check' then
  redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  count = count + 1
end
return {1, count, 0}
`;

export const SLIDING_WINDOW_LOG_SCRIPT_SHA1 = createHash('sha1')
  .update(SLIDING_WINDOW_LOG_SCRIPT)
  .digest('hex');

export type SlidingWindowMode = 'consume' | 'check' | 'record';
