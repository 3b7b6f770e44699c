import { Mongoose } from 'mongoose';
import { tenantOwnedSchema } from '../schema/tenant-owned-schema';
import type { TenantShardKey } from './tenant-shard-key';
import { tenantShardKeys } from './tenant-shard-keys';

describe('tenantOwnedSchema shard keys', () => {
  const mongoose = new Mongoose();
  afterAll(() => mongoose.disconnect());
  let sequence = 0;
  const compile = (shard: TenantShardKey, unique: Record<string, 1>, partial = false) => {
    const schema = tenantOwnedSchema(
      { reference: String, email: String },
      { collection: `shard_check_${++sequence}`, shard },
    );
    schema.index(unique, { unique: true, ...(partial ? { partialFilterExpression: { email: 'x' } } : {}) });
    return () => mongoose.model(`ShardCheck${sequence}`, schema);
  };

  it('accepts a key that starts with tenantId and prefixes every unique index', () => {
    expect(
      compile({ key: { tenantId: 1, reference: 1 }, reason: 'r' }, { tenantId: 1, reference: 1 }),
    ).not.toThrow();
  });

  it('refuses a key that does not start with tenantId', () => {
    expect(compile({ key: { reference: 1 }, reason: 'r' }, { tenantId: 1, reference: 1 })).toThrow(
      /must start with tenantId/,
    );
  });

  it('refuses a key that is not a prefix of a unique index (uniqueness would hold per shard only)', () => {
    expect(compile({ key: { tenantId: 1, _id: 1 }, reason: 'r' }, { tenantId: 1, reference: 1 })).toThrow(
      /not a prefix of the unique index/,
    );
  });

  it('refuses a key only a partial index starts with (it cannot back the key)', () => {
    expect(compile({ key: { tenantId: 1, email: 1 }, reason: 'r' }, { tenantId: 1, email: 1 }, true)).toThrow(
      /has no index starting with it/,
    );
  });

  it('lets a collection stay unsharded, and registers every declaration for db:shard', () => {
    const unsharded = { unsharded: true, reason: 'looked up before a tenant is known' } as const;
    expect(compile(unsharded, { tenantId: 1, reference: 1 })).not.toThrow();
    expect(tenantShardKeys().get(`shard_check_${sequence}`)).toEqual(unsharded);
  });
});
