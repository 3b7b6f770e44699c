import { USAGE_BASELINE_FIELD } from './usage.constant';

/**
 * Keeps a usage hash continuous with what MongoDB persisted from it, after Redis lost data.
 *
 * - A hash without the baseline field was created after Redis lost the period's data (or by the period's
 *   first write) and holds only what was counted since; adding the values persisted in MongoDB (once:
 *   `HSETNX` on the baseline field decides) makes it continue from them.
 * - A hash with its baseline never holds less than was persisted from it, since Redis counts only rise and
 *   MongoDB only copies them; a counter below the persisted value means Redis came back from an older copy
 *   of its data (an AOF or snapshot missing its last writes). It is raised to the persisted value, so later
 *   increments count on top of it instead of disappearing under MongoDB's `$max`.
 *
 * A missing hash is left missing (creating it here would create it without a TTL).
 *
 * KEYS: 1 usage hash. ARGV: persisted api_calls, transactions, storage_bytes, bandwidth_bytes.
 * Reply: { seeded 0|1, raised 0|1, then the hash's fields and values } ({ 0, 0 } for a missing hash).
 */
export const SEED_USAGE_BASELINE_SCRIPT = `
local hash = KEYS[1]
if redis.call('EXISTS', hash) == 0 then return { 0, 0 } end
local fields = { 'api_calls', 'transactions', 'storage_bytes', 'bandwidth_bytes' }
local seeded, raised = 0, 0
if redis.call('HSETNX', hash, '${USAGE_BASELINE_FIELD}', '1') == 1 then
  seeded = 1
  redis.call('HINCRBY', hash, 'api_calls', ARGV[1])
  redis.call('HINCRBY', hash, 'transactions', ARGV[2])
  local stored = tonumber(redis.call('HGET', hash, 'storage_bytes')) or 0
  if tonumber(ARGV[3]) > stored then redis.call('HSET', hash, 'storage_bytes', ARGV[3]) end
  redis.call('HINCRBY', hash, 'bandwidth_bytes', ARGV[4])
else
  for i, field in ipairs(fields) do
    local stored = tonumber(redis.call('HGET', hash, field)) or 0
    if tonumber(ARGV[i]) > stored then
      redis.call('HSET', hash, field, ARGV[i])
      raised = 1
    end
  end
end
local reply = redis.call('HGETALL', hash)
table.insert(reply, 1, raised)
table.insert(reply, 1, seeded)
return reply
`;
