import { tenantOwnedSchema } from '../schema/tenant-owned-schema';
import { tenantOwnedCollectionNames } from './tenant-owned-collection-names';

describe('tenantOwnedCollectionNames', () => {
  it('lists a new tenant-owned collection as soon as its schema is declared, so offboarding cannot forget it', () => {
    expect(tenantOwnedCollectionNames()).not.toContain('loyalty_points');
    tenantOwnedSchema({ points: Number }, { collection: 'loyalty_points' });
    expect(tenantOwnedCollectionNames()).toContain('loyalty_points');
  });

  it('is sorted and without duplicates', () => {
    tenantOwnedSchema({ a: Number }, { collection: 'b_things' });
    tenantOwnedSchema({ a: Number }, { collection: 'a_things' });
    tenantOwnedSchema({ a: Number }, { collection: 'a_things' });
    const names = tenantOwnedCollectionNames();
    expect(names).toEqual([...new Set(names)].sort());
  });
});
