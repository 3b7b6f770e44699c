import { type IndexOptions, Schema, type SchemaDefinition, type SchemaOptions } from 'mongoose';
import {
  CHANGED_SINCE_INDEX_NAME,
  DELETED_AT_FIELD,
  DELETED_BY_FIELD,
  TENANT_ID_FIELD,
  UPDATED_AT_FIELD,
} from '../data-isolation.constant';
import { tenantIsolationPlugin } from '../plugin/tenant-isolation.plugin';
import { assertShardKeyFitsIndexes } from '../sharding/assert-shard-key-fits-indexes';
import type { TenantShardKey } from '../sharding/tenant-shard-key';
import { registerTenantShardKey } from '../sharding/tenant-shard-keys';
import { registerTenantOwnedCollection } from '../wall/tenant-owned-collection-names';
import { assertTenantFirstIndex } from './assert-tenant-first-index';
import { castTenantId } from './cast-tenant-id';
import type { TenantOwnedFields } from './tenant-owned-fields';

export type TenantOwnedSchemaOptions = Omit<
  SchemaOptions,
  'strict' | 'strictQuery' | 'timestamps' | 'collection' | 'shardKey'
> & {
  /** Explicit, because pipeline joins, the isolation plugin and the command wall identify tenant data by collection. */
  collection: string;
  /** How the collection is sharded, with the reason; required so no collection is left undecided. */
  shard: TenantShardKey;
};

/**
 * Marks schemas built here. A schema option rather than a registry because Mongoose compiles models from
 * clones of the schema, and clones keep their options.
 */
const TENANT_OWNED_OPTION = 'tenantOwned';

/** Whether a schema (or Mongoose's clone of it) was built by tenantOwnedSchema and carries the plugin. */
export function isTenantOwnedSchema(schema: Schema): boolean {
  return schema.get(TENANT_OWNED_OPTION as keyof SchemaOptions) === true;
}

/**
 * A schema for tenant data: the caller's fields plus `tenantId` (ObjectId, required, immutable, strict
 * cast), soft delete (`deletedAt`, `deletedBy`) and timestamps; unknown paths in documents and filters throw
 * instead of being dropped silently; every index must start with `tenantId` (checked when it is declared and
 * again when a model is compiled, for path-level `index`/`unique`); the declared shard key is checked against
 * the indexes when a model is compiled and registered for `db:shard`; and the isolation plugin is installed.
 */
export function tenantOwnedSchema<T extends TenantOwnedFields>(
  definition: SchemaDefinition,
  options: TenantOwnedSchemaOptions,
): Schema<T> {
  for (const reserved of [TENANT_ID_FIELD, DELETED_AT_FIELD, DELETED_BY_FIELD]) {
    if (Object.hasOwn(definition, reserved))
      throw new Error(`${reserved} is defined by tenantOwnedSchema itself`);
  }
  const { shard, ...schemaOptions } = options;
  const schema = new Schema(
    {
      ...definition,
      [TENANT_ID_FIELD]: { type: Schema.Types.ObjectId, required: true, immutable: true, cast: castTenantId },
      [DELETED_AT_FIELD]: { type: Date, default: null },
      [DELETED_BY_FIELD]: { type: String, default: null },
    },
    {
      ...schemaOptions,
      // Mongoose adds the shard key to the filter of a document's save and delete, as a sharded write needs.
      ...('key' in shard ? { shardKey: shard.key } : {}),
      strict: 'throw',
      strictQuery: 'throw',
      timestamps: true,
      [TENANT_OWNED_OPTION]: true,
    } as SchemaOptions,
  );

  const declareIndex = schema.index.bind(schema);
  schema.index = (fields: Record<string, unknown>, indexOptions?: IndexOptions) => {
    assertTenantFirstIndex(fields, `collection ${options.collection}`);
    return declareIndex(fields as Parameters<typeof declareIndex>[0], indexOptions);
  };
  // Path-level `index: true` / `unique: true` are only collected when a model is compiled.
  schema.on('init', () => {
    for (const [fields] of schema.indexes())
      assertTenantFirstIndex(fields, `collection ${options.collection}`);
    assertShardKeyFitsIndexes(shard, schema.indexes(), options.collection);
  });

  // The repository's default listing and cursor pagination:
  // `find({ $and: [filter, { tenantId, deletedAt: null }] }).sort({ _id: 1 })` with `_id > cursor`.
  schema.index({ [TENANT_ID_FIELD]: 1, _id: 1 });
  // A placement move's catch-up passes, "what changed since" (changedSinceFilter):
  // `find({ $or: [{ tenantId, updatedAt: { $gte: since } }, { tenantId, updatedAt: null }] })`. Plain, since it
  // must hold every document (partial ones with this key, such as the payment sweeps', sit beside it).
  schema.index({ [TENANT_ID_FIELD]: 1, [UPDATED_AT_FIELD]: 1 }, { name: CHANGED_SINCE_INDEX_NAME });

  schema.plugin(tenantIsolationPlugin);
  registerTenantOwnedCollection(options.collection);
  registerTenantShardKey(options.collection, shard);
  return schema as unknown as Schema<T>;
}
