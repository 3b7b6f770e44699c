/**
 * Reads, without counting, until when a sliding-window log (the 'l' algorithm of the consume script) refuses a
 * request of cost 1: the moment its oldest entry still in the window leaves it, provided the log is full. In
 * Redis time, like the decisions, so the answer agrees with what the next attempt will be told.
 *
 * KEYS: [bucket key]. ARGV: 1 limit, 2 window ms.
 * Reply: Unix ms until which a request is refused, or -1 when one would be admitted now.
 */
export const REFUSED_UNTIL_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local entries = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - window), '+inf', 'WITHSCORES')
local count = #entries / 2
if count < limit then return -1 end
return tonumber(entries[(count - limit) * 2 + 2]) + window
`;
