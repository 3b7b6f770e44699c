/**
 * Moves a dirty shard's members (`<period>:<tenantId>`) into the shard's syncing set and answers the syncing
 * set. A member stays in the syncing set until its counters are in MongoDB, so a sync that dies half-way is
 * finished by the next one; a tenant that changes meanwhile is simply dirty again. Both keys share the shard's
 * hash tag: one slot.
 *
 * KEYS: 1 dirty shard, 2 its syncing set. ARGV: 1 syncing-set TTL s.
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
