import { Types } from 'mongoose';
import { ErrorCode, type AppConfig, createRedisClient, type RedisClient } from '@tenantpay/platform';
import { eventually, useTestRedis } from '@tenantpay/testing';

import { placementMoveKeys } from '../placement-move.constant';
import { MoveWriteAdmission } from './move-write-admission';
import { MoveWriteRegistry } from './move-write-registry';
import { MovingTenantWriteGate } from './moving-tenant-write-gate';
import { TenantMovingException } from './tenant-moving.exception';
import type { TenantPlacementBelief, TenantPlacementView } from './tenant-placement-view';

const redisServer = useTestRedis();
let redis: RedisClient;
let registry: MoveWriteRegistry;
const beliefs = new Map<string, TenantPlacementBelief>();
const view: TenantPlacementView = {
  beliefOf: async (tenantId) => beliefs.get(tenantId) ?? { placement: 'shared', moving: false },
};
const LEASE_MS = 300;
const config = { placementMove: { writeLeaseMs: LEASE_MS } } as AppConfig;

beforeAll(async () => {
  redis = createRedisClient(redisServer.topology, 'placement-write-gate-spec', {
    keyPrefix: redisServer.keyPrefix,
  });
  await redis.connect();
  registry = new MoveWriteRegistry(redis);
});
afterAll(async () => {
  redis.disconnect();
});

function gate(): MovingTenantWriteGate {
  return new MovingTenantWriteGate(view, registry, config);
}

async function refusal(tenantId: string): Promise<unknown> {
  return gate()
    .admitWrite(tenantId)
    .then(
      () => 'admitted',
      (error: unknown) => error,
    );
}

describe('MovingTenantWriteGate.admitWrite', () => {
  it('admits a tenant that is not moving without any move state', async () => {
    await expect(gate().admitWrite('tenant-still')).resolves.toHaveProperty('landed');
  });

  it('admits a moving tenant writing to its current placement and counts the write in flight', async () => {
    beliefs.set('tenant-a', { placement: 'shared', moving: true });
    await registry.open('tenant-a', 'move-1', 'shared');

    await gate().admitWrite('tenant-a');

    expect(await registry.longestLeaseLeftMs('tenant-a')).toBeGreaterThan(0);
    expect(await registry.longestLeaseLeftMs('tenant-a')).toBeLessThanOrEqual(LEASE_MS);
  });

  it('counts an admitted write in flight only until it has landed, not for its whole lease', async () => {
    beliefs.set('tenant-h', { placement: 'shared', moving: true });
    await registry.open('tenant-h', 'move-6', 'shared');
    const longLeases = new MovingTenantWriteGate(view, registry, {
      placementMove: { writeLeaseMs: 60_000 },
    } as AppConfig);
    const first = await longLeases.admitWrite('tenant-h');
    const second = await longLeases.admitWrite('tenant-h');
    const writers = placementMoveKeys.writers('tenant-h');

    first.landed();
    await eventually('the first write is released', async () => (await redis.zcard(writers)) === 1);
    expect(await registry.longestLeaseLeftMs('tenant-h')).toBeGreaterThan(50_000);
    second.landed();
    await eventually(
      'no write is in flight',
      async () => (await registry.longestLeaseLeftMs('tenant-h')) === 0,
    );
  });

  it('refuses with 503 tenant_moving and Retry-After while frozen, and admits again once thawed', async () => {
    beliefs.set('tenant-b', { placement: 'shared', moving: true });
    await registry.open('tenant-b', 'move-2', 'shared');
    await registry.freeze('tenant-b');

    const error = await refusal('tenant-b');
    expect(error).toBeInstanceOf(TenantMovingException);
    expect(error).toMatchObject({ code: ErrorCode.TenantMoving, headers: { 'Retry-After': '2' } });

    await registry.thaw('tenant-b');
    await expect(gate().admitWrite('tenant-b')).resolves.toHaveProperty('landed');
  });

  it('refuses an instance whose cache still routes to the old placement after the switch', async () => {
    beliefs.set('tenant-c', { placement: 'shared', moving: true });
    await registry.open('tenant-c', 'move-3', 'shared');
    await registry.switchTo('tenant-c', 'dedicated-1');

    expect(await refusal('tenant-c')).toBeInstanceOf(TenantMovingException);
    beliefs.set('tenant-c', { placement: 'dedicated-1', moving: true });
    await expect(gate().admitWrite('tenant-c')).resolves.toHaveProperty('landed');
  });

  it('refuses a moving tenant whose move state Redis no longer has', async () => {
    beliefs.set('tenant-d', { placement: 'shared', moving: true });
    expect(await registry.admit('tenant-d', 'shared', 'w', LEASE_MS)).toBe(MoveWriteAdmission.Unknown);
    expect(await refusal('tenant-d')).toBeInstanceOf(TenantMovingException);
  });

  it("fails closed for a moving tenant when Redis is unreachable, and leaves other tenants' writes alone", async () => {
    beliefs.set('tenant-e', { placement: 'shared', moving: true });
    const unreachable = createRedisClient({ kind: 'standalone', url: 'redis://127.0.0.1:1' }, 'unreachable', {
      connectTimeout: 200,
      retryStrategy: () => null,
    });
    const offline = new MovingTenantWriteGate(view, new MoveWriteRegistry(unreachable), config);

    await expect(offline.admitWrite('tenant-e')).rejects.toBeInstanceOf(TenantMovingException);
    await expect(offline.admitWrite('tenant-not-moving')).resolves.toHaveProperty('landed');
    unreachable.disconnect();
  });
});

describe('MoveWriteRegistry.longestLeaseLeftMs', () => {
  it('falls to zero once the last admitted write has had its lease', async () => {
    await registry.open('tenant-f', 'move-4', 'shared');
    await registry.admit('tenant-f', 'shared', 'writer-1', 50);
    expect(await registry.longestLeaseLeftMs('tenant-f')).toBeGreaterThan(0);

    await eventually('the lease ends', async () => (await registry.longestLeaseLeftMs('tenant-f')) === 0);
  });

  it('admits nothing after close', async () => {
    await registry.open('tenant-g', 'move-5', 'shared');
    await registry.close('tenant-g');
    expect(await registry.admit('tenant-g', 'shared', 'w', LEASE_MS)).toBe(MoveWriteAdmission.Unknown);
  });
});

describe("MovingTenantWriteGate: a moving tenant's hard deletes", () => {
  it('are recorded in the move ledger by id and type, and forgotten once the mover has made them', async () => {
    beliefs.set('tenant-i', { placement: 'shared', moving: true });
    await registry.open('tenant-i', 'move-7', 'shared');
    const id = new Types.ObjectId();

    const write = await gate().admitWrite('tenant-i');
    await write.recordDeletions?.('payments', [id, 'a-string-id']);
    await write.recordDeletions?.('payments', [id]);

    const recorded = await registry.recordedDeletions('tenant-i');
    expect(recorded).toHaveLength(2);
    expect(recorded).toEqual(
      expect.arrayContaining([
        { collectionName: 'payments', id },
        { collectionName: 'payments', id: 'a-string-id' },
      ]),
    );
    await registry.forgetDeletions('tenant-i', [
      { collectionName: 'payments', id: new Types.ObjectId(id.toHexString()) },
    ]);
    expect(await registry.recordedDeletions('tenant-i')).toEqual([
      { collectionName: 'payments', id: 'a-string-id' },
    ]);
  });

  it('are refused with 503 tenant_moving once the move state is gone, whose ledger then reads as lost', async () => {
    beliefs.set('tenant-j', { placement: 'shared', moving: true });
    await registry.open('tenant-j', 'move-8', 'shared');
    const write = await gate().admitWrite('tenant-j');
    await redis.del(placementMoveKeys.state('tenant-j'));

    await expect(write.recordDeletions?.('payments', [new Types.ObjectId()])).rejects.toBeInstanceOf(
      TenantMovingException,
    );
    expect(await registry.recordedDeletions('tenant-j')).toBeUndefined();
  });

  it('need no record for a tenant that is not moving', async () => {
    expect((await gate().admitWrite('tenant-still')).recordDeletions).toBeUndefined();
  });
});
