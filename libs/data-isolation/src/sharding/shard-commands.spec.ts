import { MinKey, ObjectId } from 'mongodb';
import { shardCommands } from './shard-commands';
import type { TenantShardKey } from './tenant-shard-key';

describe('shardCommands', () => {
  const shardKeys = new Map<string, TenantShardKey>([
    ['api_keys', { unsharded: true, reason: 'found by hash' }],
    ['payments', { key: { tenantId: 1, reference: 1 }, reason: 'unique reference' }],
    ['invitations', { key: { tenantId: 1 }, reason: 'few' }],
  ]);

  it('shards every declared collection on its key and leaves unsharded ones alone', () => {
    const commands = shardCommands({
      database: 'tp',
      shardKeys,
      tenantZones: new Map(),
      shardZones: new Map(),
    });
    expect(commands.map((entry) => entry.command)).toEqual([
      { enableSharding: 'tp' },
      { shardCollection: 'tp.payments', key: { tenantId: 1, reference: 1 } },
      { shardCollection: 'tp.invitations', key: { tenantId: 1 } },
    ]);
  });

  it("pins a tenant's whole key range, in every sharded collection, to its zone", () => {
    const tenantId = '65a0000000000000000000ff';
    const commands = shardCommands({
      database: 'tp',
      shardKeys,
      tenantZones: new Map([[tenantId, 'eu']]),
      shardZones: new Map([['shard-eu-1', 'eu']]),
    });
    const tenant = new ObjectId(tenantId);
    const next = new ObjectId('65a000000000000000000100');
    expect(commands.map((entry) => entry.command)).toEqual([
      { enableSharding: 'tp' },
      { addShardToZone: 'shard-eu-1', zone: 'eu' },
      { shardCollection: 'tp.payments', key: { tenantId: 1, reference: 1 } },
      { shardCollection: 'tp.invitations', key: { tenantId: 1 } },
      {
        updateZoneKeyRange: 'tp.payments',
        min: { tenantId: tenant, reference: new MinKey() },
        max: { tenantId: next, reference: new MinKey() },
        zone: 'eu',
      },
      {
        updateZoneKeyRange: 'tp.invitations',
        min: { tenantId: tenant },
        max: { tenantId: next },
        zone: 'eu',
      },
    ]);
  });
});
