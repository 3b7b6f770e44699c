import { MinKey, ObjectId, type Document } from 'mongodb';
import { TENANT_ID_FIELD } from '../data-isolation.constant';
import type { TenantShardKey } from './tenant-shard-key';

/** An admin command for a `mongos`, with what it does in words. */
export interface ShardCommand {
  readonly purpose: string;
  readonly command: Document;
}

export interface ShardPlanInput {
  readonly database: string;
  readonly shardKeys: ReadonlyMap<string, TenantShardKey>;
  /** Tenants whose data must stay in a zone (data residency): tenant id → zone name. */
  readonly tenantZones: ReadonlyMap<string, string>;
  /** Shards that make up a zone: shard name → zone name. */
  readonly shardZones: ReadonlyMap<string, string>;
}

/**
 * The commands that take the database from unsharded to sharded by tenant, in the order they must run:
 * sharding enabled on the database, shards added to their zones, each tenant-owned collection sharded on its
 * declared key, then each pinned tenant's whole key range (from the tenant's id to the next id, every other
 * key field from MinKey) assigned to its zone in every sharded collection, so the balancer moves that
 * tenant's chunks onto the zone's shards and keeps them there. Every command is idempotent on a `mongos`
 * (re-running the plan after adding a collection or a tenant is safe).
 */
export function shardCommands(input: ShardPlanInput): ShardCommand[] {
  const commands: ShardCommand[] = [
    { purpose: `enable sharding on ${input.database}`, command: { enableSharding: input.database } },
  ];
  for (const [shard, zone] of input.shardZones) {
    commands.push({
      purpose: `shard ${shard} serves zone ${zone}`,
      command: { addShardToZone: shard, zone },
    });
  }
  const sharded = [...input.shardKeys].flatMap(([collection, shardKey]) =>
    'key' in shardKey ? [{ collection, key: shardKey.key, reason: shardKey.reason }] : [],
  );
  for (const { collection, key, reason } of sharded) {
    commands.push({
      purpose: `shard ${collection}: ${reason}`,
      command: { shardCollection: `${input.database}.${collection}`, key },
    });
  }
  for (const [tenantId, zone] of input.tenantZones) {
    const tenant = new ObjectId(tenantId);
    const next = nextObjectId(tenant);
    for (const { collection, key } of sharded) {
      const bound = (tenantValue: ObjectId) =>
        Object.fromEntries(
          Object.keys(key).map((field) => [field, field === TENANT_ID_FIELD ? tenantValue : new MinKey()]),
        );
      commands.push({
        purpose: `keep tenant ${tenantId}'s ${collection} in zone ${zone}`,
        command: {
          updateZoneKeyRange: `${input.database}.${collection}`,
          min: bound(tenant),
          max: bound(next),
          zone,
        },
      });
    }
  }
  return commands;
}

/** The smallest ObjectId above `id`: the exclusive end of a range holding every key with `id` as its tenant. */
function nextObjectId(id: ObjectId): ObjectId {
  const next = (BigInt(`0x${id.toHexString()}`) + 1n).toString(16).padStart(24, '0');
  if (next.length > 24) throw new Error(`Tenant id ${id.toHexString()} is the largest ObjectId`);
  return new ObjectId(next);
}
