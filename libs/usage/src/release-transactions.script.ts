import { QUOTA_HELD_TOTAL_FIELD } from './usage.constant';

/**
 * Gives back units of a hold: some (a payment of a batch was created or refused) or all (a creation failed, a
 * batch finished). Releasing more than is held, or a hold that expired or never existed, gives back only what
 * is there, so a late or repeated release can never free units another creation holds.
 *
 * KEYS: 1 hold expiries (sorted set), 2 held units (hash). ARGV: 1 hold id, 2 units ('' all).
 * Reply: the units given back.
 */
export const RELEASE_TRANSACTIONS_SCRIPT = `
local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]))
if not held then return 0 end
local units = held
if ARGV[2] ~= '' then units = math.min(held, tonumber(ARGV[2])) end
if units >= held then
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('HINCRBY', KEYS[2], ARGV[1], -units)
end
redis.call('HINCRBY', KEYS[2], '${QUOTA_HELD_TOTAL_FIELD}', -units)
return units
`;
