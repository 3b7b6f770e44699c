import type * as DataIsolation from '@tenantpay/data-isolation';

/**
 * Offboarding exports and deletes the tenant-owned collections the worker declares (the registry
 * `tenantOwnedSchema` fills as schema files load). A collection only the API loads would be silently left out
 * of every export and deletion; this compares what each application declares, each loaded on its own.
 */
describe('offboarding covers every tenant-owned collection', () => {
  const declaredBy = (load: () => void): readonly string[] => {
    let names: readonly string[] = [];
    jest.isolateModules(() => {
      load();
      // The isolated copy the schemas just registered into (requireActual reads the isolated registry too).
      const isolation = jest.requireActual<typeof DataIsolation>('@tenantpay/data-isolation');
      names = isolation.tenantOwnedCollectionNames();
    });
    return names;
  };

  it('the worker, which runs offboarding, declares every tenant-owned collection the API declares', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const worker = declaredBy(() => require('../src/worker.module'));
    // The API application itself, not a library: this comparison is between the two apps.
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
    const api = declaredBy(() => require('../../api/src/api.module'));
    expect(api.length).toBeGreaterThan(0);
    expect(worker).toEqual(expect.arrayContaining([...api]));
  });
});
