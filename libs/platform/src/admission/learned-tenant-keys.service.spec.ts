import { LearnedTenantKeys } from './learned-tenant-keys.service';

describe('LearnedTenantKeys', () => {
  const keys = () => new LearnedTenantKeys(['authorization', 'x-tenant-id', 'host']);

  it('maps the exact identity headers that resolved to a tenant, and nothing else', () => {
    const learned = keys();
    const identity = learned.identityOf({ authorization: 'Bearer a.b.c', host: 'api.example.com' });
    learned.learn(identity, 'tenant-1');
    expect(
      learned.tenantKeyOf(learned.identityOf({ authorization: 'Bearer a.b.c', host: 'api.example.com' })),
    ).toBe('tenant-1');
    // Another token, or the same token with a tenant header added, is another identity.
    expect(
      learned.tenantKeyOf(learned.identityOf({ authorization: 'Bearer a.b.d', host: 'api.example.com' })),
    ).toBe(undefined);
    expect(
      learned.tenantKeyOf(
        learned.identityOf({ authorization: 'Bearer a.b.c', 'x-tenant-id': 't2', host: 'api.example.com' }),
      ),
    ).toBe(undefined);
  });

  it('does not let one header run into the next', () => {
    const learned = keys();
    expect(learned.identityOf({ authorization: 'x\nt2' })).not.toBe(
      learned.identityOf({ authorization: 'x', 'x-tenant-id': 't2' }),
    );
  });

  it('follows a tenant change of the same identity, and forgets the earliest identity past its bound', () => {
    const learned = keys();
    learned.learn('first', 'tenant-1');
    learned.learn('first', 'tenant-2');
    expect(learned.tenantKeyOf('first')).toBe('tenant-2');
    for (let n = 0; n < 10_000; n += 1) learned.learn(`identity-${n}`, 'tenant-3');
    expect(learned.tenantKeyOf('first')).toBe(undefined);
    expect(learned.tenantKeyOf('identity-9999')).toBe('tenant-3');
  });
});
