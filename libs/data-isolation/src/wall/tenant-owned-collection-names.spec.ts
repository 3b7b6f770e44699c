import { tenantOwnedSchema } from '../schema/tenant-owned-schema';
import { tenantOwnedCollectionNames } from './tenant-owned-collection-names';

const BY_TENANT_AND_ID = { key: { tenantId: 1, _id: 1 }, reason: 'a test collection' } as const;

describe('tenantOwnedCollectionNames', () => {
  it('lists a new tenant-owned collection as soon as its schema is declared, so offboarding cannot forget it', () => {
    expect(tenantOwnedCollectionNames()).not.toContain('loyalty_points');
    tenantOwnedSchema({ points: Number }, { collection: 'loyalty_points', shard: BY_TENANT_AND_ID });
    expect(tenantOwnedCollectionNames()).toContain('loyalty_points');
  });

  it('is sorted and without duplicates', () => {
    tenantOwnedSchema({ a: Number }, { collection: 'b_things', shard: BY_TENANT_AND_ID });
    tenantOwnedSchema({ a: Number }, { collection: 'a_things', shard: BY_TENANT_AND_ID });
    tenantOwnedSchema({ a: Number }, { collection: 'a_things', shard: BY_TENANT_AND_ID });
    const names = tenantOwnedCollectionNames();
    expect(names).toEqual([...new Set(names)].sort());
  });
});
