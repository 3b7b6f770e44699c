import { CLAIM_PRODUCER_SEQUENCE_LUA } from '@tenantpay/rate-limiting';

import { PRODUCER_FLOOR_FIELD_PREFIX, USAGE_BASELINE_FIELD } from './usage.constant';

/**
 * Keeps a usage hash continuous with what MongoDB persisted from it, after Redis lost data, and answers the
 * hash with its producer marks in one atomic read (what the sync persists).
 *
 * - A hash without the baseline field was created after Redis lost the period's data (or by the period's
 *   first write) and holds only what was counted since; adding the values persisted in MongoDB (once:
 *   `HSETNX` on the baseline field decides) makes it continue from them. A missing hash is created so, with
 *   its TTL: a replay waiting for the baseline needs one.
 * - Unless the hash is an older copy of one that had no baseline yet (restored from a snapshot taken before
 *   the period's first seeding), whose counts a sync then copied to MongoDB: adding would bill them twice. The
 *   first sequence each producer claimed in the hash (CLAIM_PRODUCER_SEQUENCE_LUA keeps it) tells the two
 *   apart. In such a copy, every producer's first sequence was claimed before the snapshot, so the sync that
 *   later copied the same hash found it settled there (below the producer's floor, or in its out-of-order set)
 *   and persisted it so; later syncs only raise the persisted floor past the members they drop. MongoDB's marks
 *   for that producer cover it. In a hash rebuilt after a loss, a producer's first claimed sequence is a first
 *   write, never claimed before: a replay, whose first write may have landed, waits for the baseline
 *   (RECORD_USAGE_SCRIPT, RECORD_STORAGE_GROWTH_SCRIPT). No persisted mark covers it: it is no member, and it is
 *   at or above the persisted floor, since a floor only passes sequences its producer settled (except past
 *   PRODUCER_MARKS_MAX_OUT_OF_ORDER members, or an increment in flight for longer than any Redis call may take:
 *   the hash is then taken for a copy, which under-counts and never over-counts). So when some producer's first
 *   sequence is covered by MongoDB's marks, each counter becomes the larger of MongoDB's and the hash's: both
 *   count distinct increments only, so the larger never exceeds the truth, and what it leaves out is what was
 *   counted between the restore and this seeding. When none is, MongoDB's values are added, as for producers
 *   MongoDB has no marks for. A producer with a floor in the hash and persisted marks but no first sequence
 *   wrote to it before first sequences were kept: that hash is combined by the larger, as it was then.
 *   A caller that has just applied a first write to the hash passes it: in a copy, MongoDB's values plus it
 *   never exceed the truth either, and it is not left out.
 *   A write the Redis client sent again after reconnecting would be a replay that does not wait for the
 *   baseline; the platform's clients never resend (createRedisClient: a command in flight when its connection
 *   drops fails to its caller, whose replay waits).
 * - A hash with its baseline never holds less than was persisted from it, since Redis counts only rise and
 *   MongoDB only copies them; a counter below the persisted value means Redis came back from an older copy
 *   of its data (an AOF or snapshot missing its last writes). It is raised to the persisted value, so later
 *   increments count on top of it instead of disappearing under MongoDB's `$max`.
 * - Either way the persisted producer marks are merged into Redis's (mergeProducerMarks): the sequences
 *   MongoDB's counters include are recognised when their producers replay them.
 *
 * The tenant's storage total (StorageTotal) is answered in the same read, so the sync persists it with the marks
 * of the growths it includes.
 *
 * Every producer with a floor in the hash must be passed (the caller reads the hash's fields first): its marks
 * belong in the same snapshot as the counters they account for. If one appeared since, the reply asks again.
 *
 * KEYS: 1 usage hash, 2 the tenant's storage total, 3.. each producer's marks (out-of-order sequences), in
 *       ARGV's order.
 * ARGV: 1-4 persisted api_calls, transactions, storage_bytes, bandwidth_bytes, 5 hash TTL s, 6 marks TTL s,
 *       7-10 the caller's first write in the hash (api_calls, transactions, storage_bytes, bandwidth_bytes; 0
 *       none), then per producer: its floor field, persisted floor ('' none), persisted members
 *       (space-separated).
 * Reply: { -1 } when a producer was not passed; else { seeded 0|1, raised 0|1, the hash's fields and values,
 *          the storage total's bytes, shrunk and baseline (nil when absent), then per producer its marks'
 *          members }.
 */
export const SEED_USAGE_BASELINE_SCRIPT = `${CLAIM_PRODUCER_SEQUENCE_LUA}
local function coveredByPersistedMarks(sequence, floor, members)
  if sequence < floor then return true end
  for token in string.gmatch(members, '%d+') do
    if tonumber(token) == sequence then return true end
  end
  return false
end

local hash = KEYS[1]
local producers = (#ARGV - 10) / 3
local passed = {}
for i = 1, producers do passed[ARGV[8 + 3 * i]] = true end
for _, field in ipairs(redis.call('HKEYS', hash)) do
  if string.sub(field, 1, 1) == '${PRODUCER_FLOOR_FIELD_PREFIX}' and not passed[field] then return { -1 } end
end
local fields = { 'api_calls', 'transactions', 'storage_bytes', 'bandwidth_bytes' }
local seeded, raised = 0, 0
if redis.call('HSETNX', hash, '${USAGE_BASELINE_FIELD}', '1') == 1 then
  seeded = 1
  local mayHoldPersisted = false
  for i = 1, producers do
    local field, persistedFloor = ARGV[8 + 3 * i], ARGV[9 + 3 * i]
    if persistedFloor ~= '' then
      local first = redis.call('HGET', hash, firstSequenceField(field))
      if first then
        if coveredByPersistedMarks(tonumber(first), tonumber(persistedFloor), ARGV[10 + 3 * i]) then
          mayHoldPersisted = true
        end
      elseif redis.call('HEXISTS', hash, field) == 1 then
        mayHoldPersisted = true
      end
    end
  end
  for i, field in ipairs(fields) do
    if field == 'storage_bytes' then
      local stored = tonumber(redis.call('HGET', hash, field)) or 0
      if tonumber(ARGV[i]) > stored then redis.call('HSET', hash, field, ARGV[i]) end
    elseif mayHoldPersisted then
      local stored = tonumber(redis.call('HGET', hash, field)) or 0
      local atLeast = tonumber(ARGV[i]) + tonumber(ARGV[6 + i])
      if atLeast > stored then redis.call('HSET', hash, field, atLeast) end
    elseif ARGV[i] ~= '0' then
      redis.call('HINCRBY', hash, field, ARGV[i])
    end
  end
  if redis.call('TTL', hash) < 0 then redis.call('EXPIRE', hash, ARGV[5]) end
else
  for i, field in ipairs(fields) do
    local stored = tonumber(redis.call('HGET', hash, field)) or 0
    if tonumber(ARGV[i]) > stored then
      redis.call('HSET', hash, field, ARGV[i])
      raised = 1
    end
  end
end
for i = 1, producers do
  local floor = ARGV[9 + 3 * i]
  if floor ~= '' then
    local members = {}
    for token in string.gmatch(ARGV[10 + 3 * i], '%d+') do members[#members + 1] = tonumber(token) end
    mergeProducerMarks(hash, ARGV[8 + 3 * i], KEYS[2 + i], tonumber(floor), members, ARGV[6])
  end
end
local reply = { seeded, raised, redis.call('HGETALL', hash),
  redis.call('HMGET', KEYS[2], 'bytes', 'shrunk', '${USAGE_BASELINE_FIELD}') }
for i = 1, producers do reply[#reply + 1] = redis.call('ZRANGE', KEYS[2 + i], 0, -1) end
return reply
`;
