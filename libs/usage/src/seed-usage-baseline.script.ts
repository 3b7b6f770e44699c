import { USAGE_BASELINE_FIELD } from './usage.constant';

/**
 * Makes a usage hash absolute. A hash without the baseline field was created after Redis lost the period's
 * data (or by the period's first write) and holds only what was counted since; adding the values persisted
 * in MongoDB (once: `HSETNX` on the baseline field decides) makes it continue from them, so counts never go
 * backwards after a Redis restart. A missing hash is left missing (creating it here would create it without
 * a TTL). Replies with the hash's fields.
 *
 * KEYS: 1 usage hash. ARGV: persisted api_calls, transactions, storage_bytes, bandwidth_bytes.
 */
export const SEED_USAGE_BASELINE_SCRIPT = `
local hash = KEYS[1]
if redis.call('EXISTS', hash) == 0 then return {} end
if redis.call('HSETNX', hash, '${USAGE_BASELINE_FIELD}', '1') == 1 then
  redis.call('HINCRBY', hash, 'api_calls', ARGV[1])
  redis.call('HINCRBY', hash, 'transactions', ARGV[2])
  local stored = tonumber(redis.call('HGET', hash, 'storage_bytes')) or 0
  if tonumber(ARGV[3]) > stored then redis.call('HSET', hash, 'storage_bytes', ARGV[3]) end
  redis.call('HINCRBY', hash, 'bandwidth_bytes', ARGV[4])
end
return redis.call('HGETALL', hash)
`;
