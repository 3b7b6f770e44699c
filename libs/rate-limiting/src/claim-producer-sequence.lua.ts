/**
 * Idempotent-producer deduplication for usage increments, as a Lua function that scripts prepend to their
 * body (EVALSHA scripts cannot call each other): the rate limiter's composed call and the usage library's own
 * scripts apply increments under the same rule, so a replay through either path is judged alike.
 *
 * Each producer (one API or worker process) numbers its increments with one increasing counter. Per producer
 * and tenant-month, Redis keeps one sorted set: the member `f` scored with the floor (every sequence below it
 * is settled: counted, refused or given up by the producer) and, above the floor, the sequences applied out of
 * order. An increment carries its sequence and the producer's floor for that tenant-month (the oldest of its
 * increments whose outcome it does not know yet); it is applied only if its sequence is at or above the floor
 * and not already a member. Unlike a single high-water mark (Kafka's idempotent producer), this tolerates the
 * reordering of concurrent calls on several connections and of buffered replays behind fresh writes, without
 * losing a sequence that has not landed yet. In the common case (the increment is its stream's oldest
 * unsettled one) the floor just moves past it and nothing else is stored, so the set stays at one member;
 * out-of-order members exist only while an older increment is in flight or buffered, and the producer's
 * floor trims them once it settles. Memory: one small key per producer and tenant-month, whatever the
 * number of requests. Bounded even if one increment stays unsettled for long (a replay that keeps failing):
 * past PRODUCER_MARKS_MAX_OUT_OF_ORDER members the floor moves up past the oldest ones, so an increment that
 * old whose first write never landed would be refused, not the set grown without end.
 *
 * claimProducerSequence(marks key, sequence, producer floor, marks TTL s) → true when the increment is fresh.
 */
export const PRODUCER_MARKS_MAX_OUT_OF_ORDER = 4_096;

export const CLAIM_PRODUCER_SEQUENCE_LUA = `
local function claimProducerSequence(marks, sequence, producerFloor, ttl)
  local seq = tonumber(sequence)
  local stored = tonumber(redis.call('ZSCORE', marks, 'f')) or 0
  local floor = math.max(stored, tonumber(producerFloor))
  if seq < floor or redis.call('ZSCORE', marks, sequence) then return false end
  if seq == floor then
    floor = seq + 1
  else
    redis.call('ZADD', marks, seq, sequence)
    local excess = redis.call('ZCARD', marks) - 1 - ${PRODUCER_MARKS_MAX_OUT_OF_ORDER}
    if excess > 0 then
      local oldest = redis.call('ZRANGE', marks, excess, excess, 'WITHSCORES')
      floor = math.max(floor, tonumber(oldest[2]))
    end
  end
  if floor > stored then
    redis.call('ZADD', marks, floor, 'f')
    redis.call('ZREMRANGEBYSCORE', marks, '-inf', '(' .. floor)
  end
  redis.call('EXPIRE', marks, ttl)
  return true
end
`;
