import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import fc from 'fast-check';
import { createRedisClient, type RedisClient } from '@tenantpay/platform';
import { useTestRedis } from '@tenantpay/testing';
import { type Connection, Types } from 'mongoose';

import { rawCollection, tenantDocument, useTwoPlacements } from '../test/two-placements';
import { MoveWriteAdmission, MoveWriteRegistry } from '@tenantpay/placement';
import { SwitchOutcomeUnknownError } from './switch-outcome-unknown.error';
import type { TenantMovePorts } from './tenant-move-ports';
import type { TenantMoveProgress } from './tenant-move-progress';
import { TenantMoveRunner } from './tenant-move-runner';
import type { TenantMoveSettings } from './tenant-move-settings';
import { TenantMoveState } from './tenant-move-state.enum';

const COLLECTION = 'move_runner_spec_orders';
const SCHEMA = tenantOwnedSchema(
  { label: String },
  { collection: COLLECTION, shard: { unsharded: true, reason: 'test' } },
);

const placements = useTwoPlacements();
const redisServer = useTestRedis();
let redis: RedisClient;
let registry: MoveWriteRegistry;

const SETTINGS: TenantMoveSettings = {
  maxFreezeMs: 5_000,
  clockSkewMs: 1_000,
  freezeThreshold: 5,
  maxCatchUpPasses: 10,
  freezeAttempts: 2,
};

beforeAll(async () => {
  redis = createRedisClient(redisServer.topology, 'move-runner-spec', { keyPrefix: redisServer.keyPrefix });
  await redis.connect();
  registry = new MoveWriteRegistry(redis);
  // The source's declared indexes, as an application builds them (the move refuses a source without them).
  await placements.source.model(COLLECTION, SCHEMA).init();
});
afterAll(() => redis.disconnect());

function orders(connection: Connection) {
  return rawCollection(connection, COLLECTION);
}

function order(tenantId: Types.ObjectId, label: string, updatedAt = new Date()) {
  return tenantDocument(tenantId, label, {}, updatedAt);
}

async function seed(tenantId: Types.ObjectId, count: number): Promise<void> {
  await orders(placements.source).insertMany(
    Array.from({ length: count }, (_, n) => order(tenantId, `seed-${n}`)),
  );
}

interface Harness {
  readonly runner: TenantMoveRunner;
  readonly states: TenantMoveState[];
  switched: boolean;
}

function harness(
  tenantId: Types.ObjectId,
  settings: TenantMoveSettings = SETTINGS,
  overrides: Partial<TenantMovePorts> = {},
): Harness {
  const states: TenantMoveState[] = [];
  const result: { switched: boolean } = { switched: false };
  const ports: TenantMovePorts = {
    freeze: registry,
    cancelRequested: async () => false,
    commitSwitch: async () => true,
    switchPlacement: async () => {
      result.switched = true;
    },
    record: async (progress: TenantMoveProgress) => {
      states.push(progress.state);
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ...overrides,
  };
  const scope = {
    source: placements.source,
    target: placements.target,
    tenantId,
    collections: [COLLECTION],
    batchSize: 50,
  };
  return Object.assign(result, { runner: new TenantMoveRunner(scope, 'dedicated', settings, ports), states });
}

async function tenantOrders(connection: Connection, tenantId: Types.ObjectId) {
  return orders(connection).find({ tenantId }).sort({ _id: 1 }).toArray();
}

describe('TenantMoveRunner.run', () => {
  it('switches a tenant that keeps writing through the gate, with every write on the target', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 300);
    await registry.open(tenantId, 'move-1', 'shared');
    const move = harness(tenant);

    // A writer like the repository behind the gate: admitted → writes to the source; refused → retries later.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const admission = await registry.admit(tenantId, 'shared', `w-${written}`, 200);
        if (admission === MoveWriteAdmission.Admitted) {
          await orders(placements.source).insertOne(order(tenant, `live-${written}`));
          written += 1;
        } else if (admission === MoveWriteAdmission.StalePlacement) {
          return;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const progress = await move.runner.run();
    writing = false;
    await writer;

    expect(progress.state).toBe(TenantMoveState.Switched);
    expect(move.switched).toBe(true);
    expect(move.states).toEqual([
      TenantMoveState.Copying,
      TenantMoveState.CatchingUp,
      TenantMoveState.Verifying,
      TenantMoveState.Frozen,
      TenantMoveState.Switched,
    ]);
    expect(progress.verification).toEqual([expect.objectContaining({ matches: true })]);
    expect(written).toBeGreaterThan(0);
    expect(progress.freezeAttempts).toBe(1);
    // Every write admitted before the switch is on the target; after it the writer was told to go elsewhere.
    expect(await tenantOrders(placements.target, tenant)).toEqual(
      await tenantOrders(placements.source, tenant),
    );
    expect(await registry.admit(tenantId, 'shared', 'late', 200)).toBe(MoveWriteAdmission.StalePlacement);
    expect(await registry.admit(tenantId, 'dedicated', 'late', 200)).toBe(MoveWriteAdmission.Admitted);
  });

  it('fails, thawed and with the target copy dropped, when the freeze cannot fit its bound', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 20);
    await registry.open(tenantId, 'move-2', 'shared');
    // A write admitted with a lease longer than the whole freeze bound: the drain can never finish in time.
    await registry.admit(tenantId, 'shared', 'slow-writer', 60_000);
    const move = harness(tenant, { ...SETTINGS, maxFreezeMs: 200 });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Failed);
    expect(progress.failure).toMatch(/200 ms freeze bound in 2 attempts/);
    expect(move.switched).toBe(false);
    expect(await orders(placements.target).countDocuments({ tenantId: tenant })).toBe(0);
    expect(await orders(placements.source).countDocuments({ tenantId: tenant })).toBe(20);
    expect(await registry.admit(tenantId, 'shared', 'after', 200)).toBe(MoveWriteAdmission.Admitted);
  });

  it('copies an insert stamped in the past, found by the time in its id, though no count is taken', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 20);
    await registry.open(tenantId, 'move-3', 'shared');
    const move = harness(tenant, SETTINGS, {
      freeze: {
        ...bound(registry),
        // A writer past the gate, stamped far before the allowance for clock skew: no `updatedAt` selects it.
        freeze: async (id) => {
          await registry.freeze(id);
          await orders(placements.source).insertOne({
            ...order(tenant, 'stamped-long-ago', new Date(Date.now() - 3_600_000)),
            _id: new Types.ObjectId(),
          });
        },
      },
    });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Switched);
    expect(progress.verification).toEqual([expect.objectContaining({ matches: true })]);
    expect(progress.verification[0]?.comparedWhileFrozen).toBeGreaterThanOrEqual(1);
    expect(await tenantOrders(placements.target, tenant)).toEqual(
      await tenantOrders(placements.source, tenant),
    );
  });

  it('compares the whole tenant before the freeze and, while frozen, only what was written since', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    const longAgo = new Date(Date.now() - 3_600_000);
    await orders(placements.source).insertMany(
      Array.from({ length: 120 }, (_, n) => order(tenant, `old-${n}`, longAgo)),
    );
    await registry.open(tenantId, 'move-5', 'shared');
    const move = harness(tenant, SETTINGS, {
      record: async (progress) => {
        move.states.push(progress.state);
        // Written while the whole-tenant comparison is under way: judged again later, not a mismatch.
        if (progress.state === TenantMoveState.Verifying)
          await orders(placements.source).updateOne(
            { tenantId: tenant, label: 'old-7' },
            { $set: { label: 'changed', updatedAt: new Date() } },
          );
      },
    });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Switched);
    const [verification] = progress.verification;
    expect(verification).toMatchObject({ sourceCount: 120, targetCount: 120, matches: true });
    expect(verification?.comparedBeforeFreeze).toBeGreaterThanOrEqual(120);
    // At most the document written during the move (if within the clock-skew allowance) is compared frozen.
    expect(verification?.comparedWhileFrozen).toBeLessThanOrEqual(1);
    expect(verification?.sourceChecksum).toBe(verification?.targetChecksum);
    expect(await tenantOrders(placements.target, tenant)).toEqual(
      await tenantOrders(placements.source, tenant),
    );
  });

  it('fails before any freeze when a document the catch-up has passed differs on the target', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    const longAgo = new Date(Date.now() - 3_600_000);
    await orders(placements.source).insertMany(
      Array.from({ length: 30 }, (_, n) => order(tenant, `old-${n}`, longAgo)),
    );
    await registry.open(tenantId, 'move-6', 'shared');
    const move = harness(tenant, SETTINGS, {
      record: async (progress) => {
        move.states.push(progress.state);
        // A target copy damaged behind the move's back (nothing on the source changed).
        if (progress.state === TenantMoveState.Verifying)
          await orders(placements.target).updateOne(
            { tenantId: tenant, label: 'old-3' },
            { $set: { label: 'x' } },
          );
      },
    });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Failed);
    expect(progress.failure).toBe('verification found differing copies');
    expect(progress.verification).toEqual([
      expect.objectContaining({ matches: false, comparedWhileFrozen: 0 }),
    ]);
    expect(move.states).not.toContain(TenantMoveState.Frozen);
    expect(await orders(placements.target).countDocuments({ tenantId: tenant })).toBe(0);
    expect(await registry.admit(tenantId, 'shared', 'after', 200)).toBe(MoveWriteAdmission.Admitted);
  });

  it('removes, in the frozen pass, a hard delete recorded by a write admitted just before the freeze', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 40);
    await registry.open(tenantId, 'move-7', 'shared');
    let freezes = 0;
    const move = harness(tenant, SETTINGS, {
      freeze: {
        ...bound(registry),
        // Recorded, then deleted, as the repository does, by a write landing as the freeze begins: no date
        // selects it and the frozen pass counts nothing, so only the ledger shows it.
        freeze: async (id) => {
          freezes += 1;
          if (freezes === 1) await hardDelete(tenant, 'seed-5');
          await registry.freeze(id);
        },
      },
    });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Switched);
    expect(progress.freezeAttempts).toBe(1);
    expect(progress.collections[COLLECTION]).toMatchObject({ removed: 1 });
    expect(await tenantOrders(placements.target, tenant)).toEqual(
      await tenantOrders(placements.source, tenant),
    );
    expect(await registry.recordedDeletions(tenantId)).toEqual([]);
  });

  it('removes a hard delete recorded during the catch-up in the next pass, and forgets it', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 40);
    await registry.open(tenantId, 'move-7b', 'shared');
    let deleted = false;
    const move = harness(tenant, SETTINGS, {
      // At the catch-up's first step, as the repository deletes: recorded, then made.
      cancelRequested: async () => {
        if (!deleted && move.states.includes(TenantMoveState.CatchingUp)) {
          deleted = true;
          await hardDelete(tenant, 'seed-3');
        }
        return false;
      },
    });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Switched);
    expect(progress.freezeAttempts).toBe(1);
    expect(progress.collections[COLLECTION]).toMatchObject({ removed: 1 });
    expect(await tenantOrders(placements.target, tenant)).toEqual(
      await tenantOrders(placements.source, tenant),
    );
    // Made on the target by the ledger (a merge of id sets would have left it recorded).
    expect(await registry.recordedDeletions(tenantId)).toEqual([]);
  });

  it("fails, thawed and the target copy deleted, when Redis lost the move's state and with it the ledger", async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 10);
    await registry.open(tenantId, 'move-7c', 'shared');
    const move = harness(tenant, SETTINGS, {
      cancelRequested: async () => {
        if (move.states.includes(TenantMoveState.CatchingUp)) await registry.close(tenantId);
        return false;
      },
    });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Failed);
    expect(progress.failure).toMatch(/Redis state was lost/);
    expect(move.switched).toBe(false);
    expect(await orders(placements.target).countDocuments({ tenantId: tenant })).toBe(0);
  });

  it('waits only for writes really in flight when they report landing', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 10);
    await registry.open(tenantId, 'move-8', 'shared');
    // Admitted with a lease longer than the bound, but landed and released: the drain does not wait for it.
    await registry.admit(tenantId, 'shared', 'quick-writer', 60_000);
    await registry.release(tenantId, 'quick-writer');
    const move = harness(tenant, { ...SETTINGS, maxFreezeMs: 2_000, freezeAttempts: 1 });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Switched);
  });

  it('stops at its next step once a cancel is asked: thawed, the target copy deleted, never switched', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 30);
    await registry.open(tenantId, 'move-cancel', 'shared');
    const move = harness(tenant, SETTINGS, {
      // Asked once the copy is on the target: the catch-up's first pass is the next step.
      cancelRequested: async () => move.states.includes(TenantMoveState.CatchingUp),
    });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Canceled);
    expect(move.states).toEqual([
      TenantMoveState.Copying,
      TenantMoveState.CatchingUp,
      TenantMoveState.Canceled,
    ]);
    expect(progress.collections[COLLECTION]).toMatchObject({ copied: 30, caughtUp: 0 });
    expect(move.switched).toBe(false);
    expect(await orders(placements.target).countDocuments({ tenantId: tenant })).toBe(0);
    expect(await orders(placements.source).countDocuments({ tenantId: tenant })).toBe(30);
    expect(await registry.admit(tenantId, 'shared', 'after', 200)).toBe(MoveWriteAdmission.Admitted);
  });

  it('stops a copy between two batches of one collection once a cancel is asked', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 300);
    await registry.open(tenantId, 'move-cancel-copy', 'shared');
    let asked = 0;
    let copiedWhenCanceled: number | undefined;
    const move = harness(tenant, SETTINGS, {
      // Asked at the copy's second batch of 50: the first batch is on the target, the other 250 never go.
      cancelRequested: async () => {
        asked += 1;
        if (asked < 2) return false;
        copiedWhenCanceled ??= await orders(placements.target).countDocuments({ tenantId: tenant });
        return true;
      },
    });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Canceled);
    expect(move.states).toEqual([TenantMoveState.Copying, TenantMoveState.Canceled]);
    expect(copiedWhenCanceled).toBe(50);
    expect(await orders(placements.target).countDocuments({ tenantId: tenant })).toBe(0);
    expect(await orders(placements.source).countDocuments({ tenantId: tenant })).toBe(300);
  });

  it('does not switch when the cancel wins the commitment to switch, while frozen', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 10);
    await registry.open(tenantId, 'move-cancel-frozen', 'shared');
    const move = harness(tenant, SETTINGS, { commitSwitch: async () => false });

    const progress = await move.runner.run();

    expect(progress.state).toBe(TenantMoveState.Canceled);
    expect(move.states).toContain(TenantMoveState.Frozen);
    expect(move.switched).toBe(false);
    expect(await orders(placements.target).countDocuments({ tenantId: tenant })).toBe(0);
    expect(await registry.admit(tenantId, 'shared', 'after', 200)).toBe(MoveWriteAdmission.Admitted);
  });

  it('keeps both copies and the freeze when the switch itself fails', async () => {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await seed(tenant, 10);
    await registry.open(tenantId, 'move-4', 'shared');
    const move = harness(tenant, SETTINGS, {
      switchPlacement: async () => {
        throw new Error('MongoDB went away');
      },
    });

    await expect(move.runner.run()).rejects.toBeInstanceOf(SwitchOutcomeUnknownError);

    expect(await orders(placements.target).countDocuments({ tenantId: tenant })).toBe(10);
    expect(await registry.admit(tenantId, 'shared', 'during', 200)).toBe(MoveWriteAdmission.Frozen);
  });
});

describe('TenantMoveRunner.run under random writes (property)', () => {
  type Write =
    | { kind: 'insert'; pause: number }
    | { kind: 'update' | 'softDelete' | 'hardDelete'; pick: number; pause: number };
  const pause = fc.integer({ min: 0, max: 3 });
  const write: fc.Arbitrary<Write> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), pause }),
    fc.record({
      kind: fc.constantFrom('update' as const, 'softDelete' as const, 'hardDelete' as const),
      pick: fc.nat(),
      pause,
    }),
  );

  it('switches with equal copies, or fails with the target copy deleted, whatever the writes do', async () => {
    let moves = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.array(write, { maxLength: 40 }),
        async (seeded, writes) => {
          moves += 1;
          const tenant = new Types.ObjectId();
          const tenantId = tenant.toHexString();
          const longAgo = new Date(Date.now() - 3_600_000);
          const ids = Array.from({ length: seeded }, () => new Types.ObjectId());
          if (seeded > 0)
            await orders(placements.source).insertMany(
              ids.map((_id, n) => ({ ...order(tenant, `s-${n}`, longAgo), _id })),
            );
          await registry.open(tenantId, `property-${moves}`, 'shared');
          const move = harness(tenant, { ...SETTINGS, freezeAttempts: 3 });

          // Every write through the gate, as the repository makes it: admitted, applied, reported landed.
          const writer = (async () => {
            for (const [n, change] of writes.entries()) {
              await new Promise((resolve) => setTimeout(resolve, change.pause));
              const writerId = `w-${n}`;
              const admission = await registry.admit(tenantId, 'shared', writerId, 500);
              if (admission === MoveWriteAdmission.StalePlacement) return;
              if (admission !== MoveWriteAdmission.Admitted) continue;
              const now = new Date();
              const source = orders(placements.source);
              if (change.kind === 'insert') {
                const inserted = order(tenant, `w-${n}`, now);
                await source.insertOne(inserted);
                ids.push(inserted._id);
              } else {
                const picked = ids[change.pick % Math.max(ids.length, 1)];
                if (change.kind === 'update')
                  await source.updateOne({ _id: picked }, { $set: { label: `u-${n}`, updatedAt: now } });
                if (change.kind === 'softDelete')
                  await source.updateOne({ _id: picked }, { $set: { deletedAt: now, updatedAt: now } });
                if (change.kind === 'hardDelete') {
                  // Recorded first, as the repository does while the tenant is moving.
                  await registry.recordDeletions(tenantId, [{ collectionName: COLLECTION, id: picked }]);
                  await source.deleteOne({ _id: picked });
                }
              }
              await registry.release(tenantId, writerId);
            }
          })();

          const progress = await move.runner.run();
          await writer;

          if (progress.state === TenantMoveState.Switched) {
            expect(await tenantOrders(placements.target, tenant)).toEqual(
              await tenantOrders(placements.source, tenant),
            );
          } else {
            expect(progress.state).toBe(TenantMoveState.Failed);
            expect(await orders(placements.target).countDocuments({ tenantId: tenant })).toBe(0);
          }
        },
      ),
      { numRuns: 8 },
    );
    // 8 moves of up to 100 documents with up to 40 concurrent writes: about 20 s on a quiet machine.
  }, 300_000);
});

function bound(registry: MoveWriteRegistry): TenantMovePorts['freeze'] {
  return {
    freeze: (id) => registry.freeze(id),
    thaw: (id) => registry.thaw(id),
    longestLeaseLeftMs: (id) => registry.longestLeaseLeftMs(id),
    switchTo: (id, placement) => registry.switchTo(id, placement),
    recordedDeletions: (id) => registry.recordedDeletions(id),
    forgetDeletions: (id, deletions) => registry.forgetDeletions(id, deletions),
  };
}

/** A hard delete as the repository makes it while the tenant is moving: recorded in the ledger, then made. */
async function hardDelete(tenant: Types.ObjectId, label: string): Promise<void> {
  const doomed = await orders(placements.source).findOne({ tenantId: tenant, label });
  if (doomed === null) throw new Error(`no ${label} to delete`);
  await registry.recordDeletions(tenant.toHexString(), [{ collectionName: COLLECTION, id: doomed._id }]);
  await orders(placements.source).deleteOne({ _id: doomed._id });
}
