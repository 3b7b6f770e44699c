import { TENANT_ID_FIELD } from '../data-isolation.constant';
import type { TenantShardKey } from './tenant-shard-key';

type IndexFields = Record<string, unknown>;
type IndexOptions = Record<string, unknown>;

/**
 * Refuses a shard key MongoDB would refuse to shard the collection on, when the schema is built rather than
 * when an operator first runs `db:shard`: the key starts with `tenantId`, is a prefix of every unique index
 * (uniqueness is only checked within a shard otherwise), and some index that is neither partial nor sparse
 * starts with it (the index `shardCollection` needs on a collection that already holds data).
 */
export function assertShardKeyFitsIndexes(
  shardKey: TenantShardKey,
  indexes: readonly (readonly [IndexFields, IndexOptions])[],
  collection: string,
): void {
  if ('unsharded' in shardKey) return;
  const keyFields = Object.keys(shardKey.key);
  const fail = (problem: string) => {
    throw new Error(`Shard key ${JSON.stringify(shardKey.key)} of collection ${collection} ${problem}`);
  };
  if (keyFields[0] !== TENANT_ID_FIELD) fail(`must start with ${TENANT_ID_FIELD}`);
  const startsWithKey = (fields: IndexFields) => {
    const indexFields = Object.keys(fields);
    return keyFields.every((field, position) => indexFields[position] === field);
  };
  for (const [fields, options] of indexes) {
    if (options['unique'] === true && !startsWithKey(fields)) {
      fail(`is not a prefix of the unique index ${JSON.stringify(fields)}`);
    }
  }
  const canBackKey = (options: IndexOptions) =>
    options['partialFilterExpression'] === undefined && options['sparse'] !== true;
  if (!indexes.some(([fields, options]) => startsWithKey(fields) && canBackKey(options))) {
    fail('has no index starting with it (neither partial nor sparse)');
  }
}
