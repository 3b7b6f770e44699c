/**
 * Moves a period's dirty tenants into its syncing set and answers the syncing set. A tenant stays in the
 * syncing set until its counters are in MongoDB, so a sync that dies half-way is finished by the next one;
 * a tenant that changes meanwhile is simply dirty again.
 *
 * KEYS: 1 dirty set, 2 syncing set. ARGV: 1 syncing-set TTL s.
 */
export const CLAIM_DIRTY_TENANTS_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('SUNIONSTORE', KEYS[2], KEYS[2], KEYS[1])
  redis.call('DEL', KEYS[1])
end
if redis.call('EXISTS', KEYS[2]) == 0 then return {} end
redis.call('EXPIRE', KEYS[2], ARGV[1])
return redis.call('SMEMBERS', KEYS[2])
`;
