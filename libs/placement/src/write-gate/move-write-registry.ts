import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient, RedisScript } from '@tenantpay/platform';

import { placementMoveKeys } from '../placement-move.constant';
import { type HardDeletion, hardDeletionMember, parseHardDeletionMember } from './hard-deletion';
import { MoveWriteAdmission } from './move-write-admission';

/**
 * Admits a write of a moving tenant, atomically with the move's state: refused while frozen or when the writer
 * would write to the wrong placement; otherwise registered in the writers set with a lease (ends in Redis
 * time, so instances' clocks do not matter) until it is released, so the mover can wait for writes already under
 * way to finish before its final pass.
 */
const ADMIT = new RedisScript(`
local state = redis.call('HMGET', KEYS[1], 'frozen', 'placement')
if not state[2] then return '${MoveWriteAdmission.Unknown}' end
if state[1] == '1' then return '${MoveWriteAdmission.Frozen}' end
if state[2] ~= ARGV[3] then return '${MoveWriteAdmission.StalePlacement}' end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[1]) * 2)
return '${MoveWriteAdmission.Admitted}'
`);

/** Milliseconds until the last live lease of the writers set ends (0: none in flight), in Redis time. */
const LONGEST_LEASE_LEFT = new RedisScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if not last[2] then return 0 end
return tonumber(last[2]) - now
`);

/**
 * Records deletions only while the move's state exists: when Redis lost it (and with it, perhaps, the ledger),
 * the delete is refused rather than made where the mover cannot learn of it. 1 recorded, 0 refused.
 */
const RECORD_DELETIONS = new RedisScript(`
if redis.call('HEXISTS', KEYS[1], 'moveId') == 0 then return 0 end
redis.call('SADD', KEYS[2], unpack(ARGV))
return 1
`);

/** The ledger, or false when the move's state is gone (the ledger may have gone with it: it cannot be trusted). */
const READ_DELETIONS = new RedisScript(`
if redis.call('HEXISTS', KEYS[1], 'moveId') == 0 then return false end
return redis.call('SMEMBERS', KEYS[2])
`);

/**
 * The Redis half of a tenant's move, shared by every instance: where the tenant's writes must go, whether they
 * are frozen, which are in flight, and which documents hard deletes removed (the ledger). The mover opens, freezes, thaws, switches and closes it; the write gate
 * admits writes through it and records hard deletes in it.
 */
@Injectable()
export class MoveWriteRegistry {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  /** Starts a move: writes go to `source`, unfrozen. Replaces whatever an earlier attempt left. */
  async open(tenantId: string, moveId: string, source: string): Promise<void> {
    await this.redis.del(placementMoveKeys.writers(tenantId), placementMoveKeys.deletions(tenantId));
    await this.redis.hset(placementMoveKeys.state(tenantId), {
      placement: source,
      frozen: '0',
      moveId,
    });
  }

  async admit(
    tenantId: string,
    placement: string,
    writerId: string,
    leaseMs: number,
  ): Promise<MoveWriteAdmission> {
    const answer = await ADMIT.evaluate(
      this.redis,
      [placementMoveKeys.state(tenantId), placementMoveKeys.writers(tenantId)],
      [leaseMs, writerId, placement],
    );
    if (!Object.values<unknown>(MoveWriteAdmission).includes(answer))
      throw new Error(`Unexpected write admission answer: ${String(answer)}`);
    return answer as MoveWriteAdmission;
  }

  /** The write has landed: it no longer holds the freeze back (its lease would have ended it otherwise). */
  async release(tenantId: string, writerId: string): Promise<void> {
    await this.redis.zrem(placementMoveKeys.writers(tenantId), writerId);
  }

  /** From now on no write of the tenant is admitted (in-flight ones may still land: see {@link longestLeaseLeftMs}). */
  async freeze(tenantId: string): Promise<void> {
    await this.redis.hset(placementMoveKeys.state(tenantId), 'frozen', '1');
  }

  async thaw(tenantId: string): Promise<void> {
    await this.redis.hset(placementMoveKeys.state(tenantId), 'frozen', '0');
  }

  /** After the switch: writes are admitted again, to the new placement only. */
  async switchTo(tenantId: string, placement: string): Promise<void> {
    await this.redis.hset(placementMoveKeys.state(tenantId), { placement, frozen: '0' });
  }

  async longestLeaseLeftMs(tenantId: string): Promise<number> {
    return Number(await LONGEST_LEASE_LEFT.evaluate(this.redis, [placementMoveKeys.writers(tenantId)], []));
  }

  /**
   * Records documents an admitted write is about to hard-delete, before it deletes them (a deletion recorded
   * but never made is harmless: the mover removes a recorded document from the target only once the source
   * lacks it). False when the move's state is gone: the write must then be refused.
   */
  async recordDeletions(tenantId: string, deletions: readonly HardDeletion[]): Promise<boolean> {
    if (deletions.length === 0) return true;
    const answer = await RECORD_DELETIONS.evaluate(
      this.redis,
      [placementMoveKeys.state(tenantId), placementMoveKeys.deletions(tenantId)],
      deletions.map(hardDeletionMember),
    );
    return Number(answer) === 1;
  }

  /** Every deletion recorded and not yet forgotten; undefined when the move's state (and so the ledger) was lost. */
  async recordedDeletions(tenantId: string): Promise<HardDeletion[] | undefined> {
    const members: unknown = await READ_DELETIONS.evaluate(
      this.redis,
      [placementMoveKeys.state(tenantId), placementMoveKeys.deletions(tenantId)],
      [],
    );
    if (!Array.isArray(members)) return undefined;
    return members.map((member) => parseHardDeletionMember(String(member)));
  }

  /** The mover has made these deletions on the target too. */
  async forgetDeletions(tenantId: string, deletions: readonly HardDeletion[]): Promise<void> {
    if (deletions.length === 0) return;
    await this.redis.srem(placementMoveKeys.deletions(tenantId), ...deletions.map(hardDeletionMember));
  }

  /** The move is over (switched and every cache has caught up, or failed): writes no longer consult Redis. */
  async close(tenantId: string): Promise<void> {
    await this.redis.del(
      placementMoveKeys.state(tenantId),
      placementMoveKeys.writers(tenantId),
      placementMoveKeys.deletions(tenantId),
    );
  }
}
