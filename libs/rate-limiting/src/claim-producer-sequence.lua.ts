/**
 * Idempotent-producer deduplication for usage increments, as Lua functions that scripts prepend to their
 * body (EVALSHA scripts cannot call each other): the rate limiter's composed call and the usage library's own
 * scripts apply increments under the same rule, so a replay through either path is judged alike.
 *
 * Each producer (one API or worker process) numbers its increments with one increasing counter. Per producer
 * and tenant-month Redis keeps its marks: the floor, a field of the usage hash (every sequence below it is
 * settled: counted, refused or given up by the producer), and a sorted set of the sequences at or above the
 * floor that were applied out of order. An increment carries its sequence and the producer's floor for that
 * tenant-month (the oldest of its increments whose outcome it does not know yet); it is applied only if its
 * sequence is at or above the floor and not already a member. Unlike a single high-water mark (Kafka's
 * idempotent producer), this tolerates the reordering of concurrent calls on several connections and of
 * buffered replays behind fresh writes, without losing a sequence that has not landed yet. In the common case
 * (the increment is its stream's oldest unsettled one) the floor just moves past it and the set stays empty,
 * which in Redis means absent; members exist only while an older increment is in flight or buffered, and the
 * producer's floor trims them once it settles.
 *
 * The floor lives in the usage hash so that the sync copies it with the counters it accounts for (one read,
 * with the members: see SEED_USAGE_BASELINE_SCRIPT in the usage library), and a Redis data loss takes both
 * together; the baseline restores both from MongoDB with mergeProducerMarks, so a replay of an increment that
 * MongoDB already counts is recognised instead of counted a second time. Memory: one hash field per producer
 * that wrote to the tenant-month, and a set only while increments land out of order. Bounded even if one
 * increment stays unsettled for long (a replay that keeps failing): past PRODUCER_MARKS_MAX_OUT_OF_ORDER
 * members the floor moves up past the oldest ones, so an increment that old whose first write never landed
 * would be refused, not the set grown without end.
 *
 * A producer's first claim in a hash (its floor field did not exist yet) also keeps that sequence in the hash
 * (firstSequenceField, `HSETNX`: one command per producer and hash, none in steady state). Floors and sets say
 * which sequences are settled, not which were claimed in this hash; the first sequence does, and tells a hash
 * rebuilt after Redis lost its data from an older copy of it restored after a sync (see
 * SEED_USAGE_BASELINE_SCRIPT in the usage library). It is the claim that counts, whatever the caller then
 * applies: the sync persists claims as marks.
 *
 * claimProducerSequence(usage hash, floor field, marks key, sequence, producer floor, marks TTL s) → true when
 * the increment is fresh.
 * mergeProducerMarks(usage hash, floor field, marks key, floor, members, marks TTL s): adds persisted marks.
 */
export const PRODUCER_MARKS_MAX_OUT_OF_ORDER = 4_096;

/**
 * The usage hash field keeping the first sequence a producer claimed in it: its floor field behind this
 * prefix (`^~<id>` beside `~<id>`). Its first character is neither the floor fields' nor a counter's or the
 * baseline field's, so the scans for floors and the counters' reads pass over it.
 */
export const FIRST_SEQUENCE_FIELD_PREFIX = '^';

export function firstSequenceField(floorField: string): string {
  return `${FIRST_SEQUENCE_FIELD_PREFIX}${floorField}`;
}

export const CLAIM_PRODUCER_SEQUENCE_LUA = `
local function firstSequenceField(field)
  return '${FIRST_SEQUENCE_FIELD_PREFIX}' .. field
end

local function settleProducerFloor(hash, field, marks, stored, floor)
  if floor > stored then
    redis.call('HSET', hash, field, floor)
    redis.call('ZREMRANGEBYSCORE', marks, '-inf', '(' .. floor)
  end
end

local function claimProducerSequence(hash, field, marks, sequence, producerFloor, ttl)
  local seq = tonumber(sequence)
  local current = redis.call('HGET', hash, field)
  local stored = tonumber(current) or 0
  local floor = math.max(stored, tonumber(producerFloor))
  if seq < floor or redis.call('ZSCORE', marks, sequence) then return false end
  if not current then redis.call('HSETNX', hash, firstSequenceField(field), sequence) end
  if seq == floor then
    floor = seq + 1
  else
    redis.call('ZADD', marks, seq, sequence)
    redis.call('EXPIRE', marks, ttl)
    local excess = redis.call('ZCARD', marks) - ${PRODUCER_MARKS_MAX_OUT_OF_ORDER}
    if excess > 0 then
      local oldest = redis.call('ZRANGE', marks, excess - 1, excess - 1, 'WITHSCORES')
      floor = math.max(floor, tonumber(oldest[2]))
    end
  end
  settleProducerFloor(hash, field, marks, stored, floor)
  return true
end

local function mergeProducerMarks(hash, field, marks, floor, members, ttl)
  local stored = tonumber(redis.call('HGET', hash, field)) or 0
  floor = math.max(stored, floor)
  for _, seq in ipairs(members) do
    if seq >= floor then redis.call('ZADD', marks, seq, seq) end
  end
  if redis.call('EXISTS', marks) == 1 then redis.call('EXPIRE', marks, ttl) end
  settleProducerFloor(hash, field, marks, stored, floor)
end
`;
