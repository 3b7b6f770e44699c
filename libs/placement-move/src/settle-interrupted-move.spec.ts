import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { createRedisClient, type RedisClient } from '@tenantpay/platform';
import { useTestRedis } from '@tenantpay/testing';
import { Types } from 'mongoose';

import { rawCollection, tenantDocument, useTwoPlacements } from '../test/two-placements';
import { MoveWriteAdmission, MoveWriteRegistry } from '@tenantpay/placement';
import { copyTenantDocuments } from './copy-tenant-documents';
import { settleInterruptedMove } from './settle-interrupted-move';
import { TenantMoveState } from './tenant-move-state.enum';

const COLLECTION = 'settle_spec_orders';
tenantOwnedSchema({ label: String }, { collection: COLLECTION, shard: { unsharded: true, reason: 'test' } });

const placements = useTwoPlacements();
const redisServer = useTestRedis();
let redis: RedisClient;
let registry: MoveWriteRegistry;

beforeAll(async () => {
  redis = createRedisClient(redisServer.topology, 'settle-spec', { keyPrefix: redisServer.keyPrefix });
  await redis.connect();
  registry = new MoveWriteRegistry(redis);
});
afterAll(() => redis.disconnect());

/** A move interrupted while frozen, with the tenant's 5 documents copied to the target. */
async function frozenMidMove() {
  const tenantId = new Types.ObjectId();
  const scope = {
    source: placements.source,
    target: placements.target,
    tenantId,
    collections: [COLLECTION],
    batchSize: 10,
  };
  await rawCollection(placements.source, COLLECTION).insertMany(
    Array.from({ length: 5 }, (_, n) => tenantDocument(tenantId, `o-${n}`)),
  );
  await copyTenantDocuments(scope, COLLECTION);
  await registry.open(tenantId.toHexString(), 'move', 'shared');
  await registry.freeze(tenantId.toHexString());
  return { scope, tenantId };
}

describe('settleInterruptedMove', () => {
  it('fails the move on the source: writes thawed there, the target copy deleted, the source untouched', async () => {
    const { scope, tenantId } = await frozenMidMove();

    const state = await settleInterruptedMove(scope, registry, { current: 'shared', target: 'dedicated' });

    expect(state).toBe(TenantMoveState.Failed);
    expect(await registry.admit(tenantId.toHexString(), 'shared', 'w', 100)).toBe(
      MoveWriteAdmission.Admitted,
    );
    expect(await rawCollection(placements.target, COLLECTION).countDocuments({ tenantId })).toBe(0);
    expect(await rawCollection(placements.source, COLLECTION).countDocuments({ tenantId })).toBe(5);
  });

  it('completes a switch that happened: writes admitted to the target only, both copies kept', async () => {
    const { scope, tenantId } = await frozenMidMove();

    const state = await settleInterruptedMove(scope, registry, { current: 'dedicated', target: 'dedicated' });

    expect(state).toBe(TenantMoveState.Switched);
    const id = tenantId.toHexString();
    expect(await registry.admit(id, 'dedicated', 'w', 100)).toBe(MoveWriteAdmission.Admitted);
    expect(await registry.admit(id, 'shared', 'w', 100)).toBe(MoveWriteAdmission.StalePlacement);
    expect(await rawCollection(placements.target, COLLECTION).countDocuments({ tenantId })).toBe(5);
    expect(await rawCollection(placements.source, COLLECTION).countDocuments({ tenantId })).toBe(5);
  });
});
