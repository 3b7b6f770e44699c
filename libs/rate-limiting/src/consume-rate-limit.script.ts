import { CLAIM_PRODUCER_SEQUENCE_LUA } from './claim-producer-sequence.lua';

/**
 * The one Lua script behind every decision: it reads Redis `TIME` (app servers' clocks disagree; Redis has one
 * clock), applies the policy's algorithm atomically, and optionally applies usage-metering increments in the
 * same call, so an API request costs exactly one Redis round trip (EVALSHA).
 *
 * Why usage rides in this script rather than in a separate pipeline: a pipeline of EVALSHA + HINCRBY is one
 * network round trip too, but it is two commands the server parses and, in Cluster, two slots' worth of
 * routing; composing them here keeps one command, one slot (all keys carry the `{subject}` hash tag) and lets
 * `when: 'admitted'` depend on the decision without a second trip.
 *
 * Cost per call is mostly the number of `redis.call`s (each one goes through Redis's command machinery) and
 * the arguments Redis turns into Lua strings, so the default algorithm makes three calls (TIME, GET, SET: the
 * counter state is one 24-byte string, which carries its own expiry) and a decision without usage sends
 * only the ARGV it needs.
 *
 * KEYS: [bucket key (absent for 'n')], [usage hash], [producer marks], [usage dirty shard] — the usage
 * keys only when usage is given, the marks and dirty shard only when ARGV says so.
 * ARGV: 1 algorithm ('c' sliding-window counter, 'l' sliding-window log, 'n' none: usage only),
 *       2 limit, 3 window ms, 4 cost, then for 'l' only a member token; then, only with usage: usage mode
 *       ('a' if admitted, 'e' every), usage hash TTL s, producer marks TTL s ('0': no sequence check),
 *       sequence, producer floor, dirty-shard member ('': none), read back ('1': answer the usage hash),
 *       producer floor field ('' without a sequence), field / delta pairs.
 * Reply: { allowed 0|1, remaining, retry-after ms (-1: never), reset-after ms, Redis now ms, usage recorded 0|1 },
 * and with read back, when the usage was recorded, the usage hash's field / value list after the write (a
 * caller that reports usage next, `GET /v1/usage`, then needs no Redis call of its own).
 */
export const CONSUME_RATE_LIMIT_SCRIPT = `${CLAIM_PRODUCER_SEQUENCE_LUA}
local algorithm = ARGV[1]
local limit = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local allowed, remaining, retry, reset = 1, 0, 0, 0
local k = 1
local u = 5

if algorithm == 'c' then
  local key = KEYS[k]
  k = k + 1
  local index = math.floor(now / window)
  local elapsed = now - index * window
  -- State: window index, current count, previous count as three packed doubles (exact for integers below
  -- 2^53); struct is cheaper per call than formatting and matching text. pcall: a key of another type (the
  -- hash earlier versions wrote) reads as no state and is overwritten, instead of failing every decision.
  local state = redis.pcall('GET', key)
  local current, previous, sameWindow = 0, 0, false
  if type(state) == 'string' then
    local stored, c, p = struct.unpack('<ddd', state)
    if stored == index then
      current, previous, sameWindow = c, p, true
    elseif stored == index - 1 then
      previous = c
    end
  end
  -- Everything is scaled by the window so the comparison stays in exact integers.
  local weightedPrevious = previous * (window - elapsed)
  if weightedPrevious + (current + cost) * window <= limit * window then
    current = current + cost
    local value = struct.pack('<ddd', index, current, previous)
    -- The key expires when its window stops weighing, (index + 2) × window: fixed per window, so it is set
    -- once per window and kept while the window lasts (cheaper than rewriting the expiry on every call).
    if sameWindow then
      redis.call('SET', key, value, 'KEEPTTL')
    else
      redis.call('SET', key, value, 'PX', (index + 2) * window - now)
    end
  else
    allowed = 0
    if cost > limit then
      retry = -1
    elseif current + cost <= limit then
      retry = math.ceil(window - (limit - current - cost) * window / previous - elapsed)
    else
      local into = window - (limit - cost) * window / current
      if into < 0 then into = 0 end
      retry = window - elapsed + math.ceil(into)
    end
  end
  remaining = math.floor((limit * window - weightedPrevious - current * window) / window)
  if current > 0 then
    reset = (index + 2) * window - now
  elseif previous > 0 then
    reset = (index + 1) * window - now
  end
elseif algorithm == 'l' then
  local key = KEYS[k]
  k = k + 1
  u = 6
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count + cost <= limit then
    local token = ARGV[5]
    local members = {}
    for i = 1, cost do
      members[#members + 1] = now
      members[#members + 1] = token .. '.' .. i
      if #members >= 200 or i == cost then
        redis.call('ZADD', key, unpack(members))
        members = {}
      end
    end
    count = count + cost
    redis.call('PEXPIRE', key, window)
  else
    allowed = 0
    if cost > limit then
      retry = -1
    else
      local oldest = redis.call('ZRANGE', key, count + cost - limit - 1, count + cost - limit - 1, 'WITHSCORES')
      retry = tonumber(oldest[2]) + window - now
    end
  end
  remaining = limit - count
  if count > 0 then
    local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
    reset = tonumber(newest[2]) + window - now
  end
end
if remaining < 0 then remaining = 0 end

local recorded = 0
local mode = ARGV[u]
if mode == 'e' or (mode == 'a' and allowed == 1) then
  local hash = KEYS[k]
  k = k + 1
  local fresh = true
  if ARGV[u + 2] ~= '0' then
    fresh = claimProducerSequence(hash, ARGV[u + 7], KEYS[k], ARGV[u + 3], ARGV[u + 4], ARGV[u + 2])
    k = k + 1
  end
  if fresh then
    for i = u + 8, #ARGV, 2 do
      redis.call('HINCRBY', hash, ARGV[i], ARGV[i + 1])
    end
    redis.call('EXPIRE', hash, ARGV[u + 1])
    if ARGV[u + 5] ~= '' then
      redis.call('SADD', KEYS[k], ARGV[u + 5])
    end
  end
  -- A sequence applied before was recorded then: the caller may forget it either way.
  recorded = 1
  if ARGV[u + 6] == '1' then
    return { allowed, remaining, retry, reset, now, recorded, redis.call('HGETALL', hash) }
  end
end

return { allowed, remaining, retry, reset, now, recorded }
`;
