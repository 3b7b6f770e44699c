/**
 * Start-time fair queuing over BullMQ priorities (BullMQ's open-source edition has no per-group scheduling).
 * Each tenant has a start tag: the virtual time its next job may start at. The queue's virtual time is the
 * priority at the head of its prioritized set (the job workers take next). A job gets priority
 * `max(virtual time, tenant's tag)`, and the tag moves on by the job's cost (a bigger tier weight, a smaller
 * cost). So a tenant with nothing waiting starts at the head of the line, whatever another tenant has queued,
 * and tenants with jobs waiting take turns in proportion to their weights. Jobs of equal priority run first
 * in, first out.
 *
 * When the prioritized set is empty no tenant has a backlog, so the tags are dropped and virtual time restarts
 * at 1: priorities only grow for as long as a backlog lasts. A backlog longer than BullMQ's priority range
 * (2^21 - 1 units of virtual time) is clamped to its end, where jobs run first in, first out (never lost).
 *
 * KEYS: 1 the queue's prioritized set (score = priority × 2^32 + insertion counter), 2 the tenants' tags.
 * ARGV: 1 tenant id, 2 the job's cost in virtual time, 3 the highest priority BullMQ accepts.
 * Reply: the job's priority.
 */
export const FAIR_SHARE_PRIORITY_SCRIPT = `
local head = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local virtualTime = 1
if head[2] == nil then
  redis.call('DEL', KEYS[2])
else
  virtualTime = math.max(1, math.floor(tonumber(head[2]) / 4294967296))
end
local start = math.max(virtualTime, tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0'))
start = math.min(start, tonumber(ARGV[3]))
redis.call('HSET', KEYS[2], ARGV[1], start + tonumber(ARGV[2]))
return start
`;
