import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';
import type { TenantLookupService } from '../cache/tenant-lookup.service';
import { ResolutionMethod } from '../context/resolution-method.enum';
import type { SecurityAuditEvent } from './security-audit-sink';
import type { TenantKey, TenantReference } from './tenant-reference';
import type { ResolutionInput, TenantResolutionStrategy } from './tenant-resolution-strategy';
import { TenantResolverService } from './tenant-resolver.service';

const bank1 = testTenantSnapshot('bank1');
const bank2 = testTenantSnapshot('bank2');
/** A user principal of bank1, as the JWT strategy names it. */
const BANK1_ADMIN = {
  kind: 'user',
  userId: 'u',
  tenantId: bank1.id,
  role: 'ADMIN',
  tokenId: 't',
  sessionId: 's-t',
} as const;
const tenantNamed = (key: TenantKey) =>
  [bank1, bank2].find((t) => t.slug === key.value || t.id === key.value) ?? null;
/** A lookup that loads (a cache miss): its answer is a promise. */
const lookup = {
  findNow: async (key: TenantKey) => tenantNamed(key),
} as unknown as TenantLookupService;

function strategy(
  method: ResolutionMethod,
  priority: number,
  reference: Omit<TenantReference, 'method'> | null,
  isCredential = false,
): TenantResolutionStrategy {
  return {
    method,
    priority,
    isCredential,
    find: () => (reference === null ? null : { method, ...reference }),
  };
}

const input: ResolutionInput = { headers: {}, hostname: null, ip: '203.0.113.9', requestId: 'req-1' };

function resolver(...strategies: TenantResolutionStrategy[]) {
  return resolverWith(lookup, ...strategies);
}

function resolverWith(tenants: TenantLookupService, ...strategies: TenantResolutionStrategy[]) {
  const events: SecurityAuditEvent[] = [];
  const service = new TenantResolverService(strategies, tenants, {
    record: async (event) => void events.push(event),
  });
  return { service, events };
}

describe('TenantResolverService.resolve', () => {
  it('resolves nothing when no strategy answers', async () => {
    const { service } = resolver(strategy(ResolutionMethod.TenantHeader, 30, null));
    await expect(Promise.resolve(service.resolve(input))).resolves.toEqual({
      context: { tenant: null, resolvedBy: null, principal: null, requestId: 'req-1' },
      unresolvedTenant: false,
      hostname: null,
    });
  });

  it('answers at once, without a promise, when every strategy and tenant lookup answers at once', () => {
    const cached = { findNow: tenantNamed } as unknown as TenantLookupService;
    const principal = BANK1_ADMIN;
    const { service } = resolverWith(
      cached,
      strategy(ResolutionMethod.JwtClaim, 10, { tenant: { by: 'id', value: bank1.id }, principal }, true),
      strategy(ResolutionMethod.Subdomain, 40, { tenant: { by: 'slug', value: 'bank1' } }),
    );
    expect(service.resolve(input)).toEqual({
      context: { tenant: bank1, resolvedBy: ResolutionMethod.JwtClaim, principal, requestId: 'req-1' },
      unresolvedTenant: false,
      hostname: null,
    });
  });

  it('reports the most trusted method whatever order the strategies were given in', async () => {
    const { service } = resolver(
      strategy(ResolutionMethod.Subdomain, 40, { tenant: { by: 'slug', value: 'bank1' } }),
      strategy(ResolutionMethod.TenantHeader, 30, { tenant: { by: 'id', value: bank1.id } }),
    );
    const { context } = await service.resolve(input);
    expect(context).toMatchObject({ tenant: bank1, resolvedBy: ResolutionMethod.TenantHeader });
  });

  it('refuses two references naming different tenants, and audits it', async () => {
    const { service, events } = resolver(
      strategy(ResolutionMethod.TenantHeader, 30, { tenant: { by: 'slug', value: 'bank1' } }),
      strategy(ResolutionMethod.Subdomain, 40, { tenant: { by: 'slug', value: 'bank2' } }),
    );
    await expect(Promise.resolve(service.resolve(input))).rejects.toMatchObject({ code: 'tenant_mismatch' });
    expect(events).toEqual([
      expect.objectContaining({ action: 'tenant.mismatch', outcome: 'denied', ip: '203.0.113.9' }),
    ]);
  });

  it("keeps another tenant's id out of the mismatch event stored under the credential's tenant", async () => {
    const user = BANK1_ADMIN;
    const key = { kind: 'api-key', apiKeyId: 'k', tenantId: bank2.id, scopes: [] } as const;
    const { service, events } = resolver(
      strategy(
        ResolutionMethod.JwtClaim,
        10,
        { tenant: { by: 'id', value: bank1.id }, principal: user },
        true,
      ),
      strategy(ResolutionMethod.ApiKey, 20, { tenant: { by: 'id', value: bank2.id }, principal: key }, true),
      strategy(ResolutionMethod.Subdomain, 40, { tenant: { by: 'slug', value: 'bank2' } }),
    );
    await expect(Promise.resolve(service.resolve(input))).rejects.toMatchObject({ code: 'tenant_mismatch' });
    expect(events[0]).toMatchObject({
      tenantId: bank1.id,
      metadata: {
        references: [
          { method: ResolutionMethod.JwtClaim, named: { by: 'id', value: bank1.id }, tenantId: bank1.id },
          { method: ResolutionMethod.ApiKey, otherTenant: true },
          { method: ResolutionMethod.Subdomain, named: { by: 'slug', value: 'bank2' }, otherTenant: true },
        ],
      },
    });
    expect(JSON.stringify(events[0])).not.toContain(bank2.id);
  });

  it('marks a name that matches no tenant as unresolved', async () => {
    const { service } = resolver(
      strategy(ResolutionMethod.Subdomain, 40, { tenant: { by: 'slug', value: 'nosuch' } }),
    );
    await expect(Promise.resolve(service.resolve(input))).resolves.toMatchObject({
      context: { tenant: null, resolvedBy: null },
      unresolvedTenant: true,
    });
  });

  it('refuses a credential naming a tenant that does not exist with 401', async () => {
    const principal = {
      kind: 'user',
      userId: 'u',
      tenantId: 'gone',
      role: 'ADMIN',
      tokenId: 't',
      sessionId: 's-t',
    } as const;
    const { service } = resolver(
      strategy(ResolutionMethod.JwtClaim, 10, { tenant: { by: 'slug', value: 'gone' }, principal }, true),
    );
    await expect(Promise.resolve(service.resolve(input))).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('keeps a platform principal (no tenant) beside a named tenant without conflict', async () => {
    const principal = {
      kind: 'platform-user',
      userId: 'p',
      role: 'SUPER_ADMIN',
      tokenId: 't',
      sessionId: 's-t',
    } as const;
    const { service } = resolver(
      strategy(ResolutionMethod.JwtClaim, 10, { tenant: null, principal }, true),
      strategy(ResolutionMethod.TenantHeader, 30, { tenant: { by: 'slug', value: 'bank2' } }),
    );
    await expect(Promise.resolve(service.resolve(input))).resolves.toMatchObject({
      context: { tenant: bank2, principal },
    });
  });

  it('refuses a bad credential beside a malformed header without leaving a rejection unhandled', async () => {
    const credentialRefused = new Error('the API key is invalid');
    const headerRefused = new Error('the X-Tenant-ID header is malformed');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { service } = resolver(
        {
          method: ResolutionMethod.ApiKey,
          priority: 20,
          isCredential: true,
          find: async () => Promise.reject(credentialRefused),
        },
        {
          method: ResolutionMethod.TenantHeader,
          priority: 30,
          isCredential: false,
          find: () => {
            throw headerRefused;
          },
        },
      );
      const refusal = await Promise.resolve(service.resolve(input)).then(
        () => null,
        (error: unknown) => error,
      );
      expect([credentialRefused, headerRefused]).toContain(refusal);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
