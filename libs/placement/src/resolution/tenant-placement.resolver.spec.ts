import {
  ResolutionMethod,
  TenantContextService,
  type TenantLookupService,
  TenantNotFoundException,
  type TenantSnapshot,
} from '@tenantpay/tenancy';
import { TenantPlacementResolver } from './tenant-placement.resolver';

const snapshot = (id: string, placement: string, moving = false) =>
  ({ id, placement, moving }) as unknown as TenantSnapshot;
const A = 'a'.repeat(24);
const B = 'b'.repeat(24);

describe('TenantPlacementResolver', () => {
  const context = new TenantContextService();
  const cached = new Map<string, TenantSnapshot>([
    [A, snapshot(A, 'shared')],
    [B, snapshot(B, 'big-bank')],
  ]);
  const lookups: string[] = [];
  const tenants = {
    findById: async (id: string) => {
      lookups.push(id);
      return cached.get(id) ?? null;
    },
  } as unknown as TenantLookupService;
  const resolver = new TenantPlacementResolver(context, tenants);
  const inContextOf = <R>(tenant: TenantSnapshot, work: () => R): R =>
    context.run({ tenant, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'r' }, work);

  beforeEach(() => lookups.splice(0));

  it('answers another tenant from the tenant cache', async () => {
    expect(await resolver.placementOf(B)).toBe('big-bank');
    expect(await resolver.placementOf(A)).toBe('shared');
    expect(lookups).toEqual([B, A]);
  });

  it("answers the context's own tenant from its snapshot, so one request never straddles two placements", async () => {
    // The cache says shared now (a move switched it); the request keeps the placement it started with.
    await inContextOf(snapshot(A, 'big-bank'), async () => {
      expect(await resolver.placementOf(A)).toBe('big-bank');
      expect(resolver.currentPlacement()).toBe('big-bank');
    });
    expect(lookups).toEqual([]);
  });

  it('has no current placement outside a tenant context', () => {
    expect(resolver.currentPlacement()).toBeUndefined();
    expect(context.runAsPlatform('test', () => resolver.currentPlacement())).toBeUndefined();
  });

  it("tells the write gate the placement the write goes to and the tenant's moving flag", async () => {
    cached.set(A, snapshot(A, 'shared', true));
    expect(await resolver.beliefOf(A)).toEqual({ placement: 'shared', moving: true });
    expect(await resolver.beliefOf(B)).toEqual({ placement: 'big-bank', moving: false });
    cached.set(A, snapshot(A, 'shared'));
  });

  it('marks a request begun before the move as moving once the tenant cache says so, keeping its placement', async () => {
    cached.set(A, snapshot(A, 'shared', true));
    await inContextOf(snapshot(A, 'shared'), async () => {
      expect(await resolver.beliefOf(A)).toEqual({ placement: 'shared', moving: true });
    });
    await inContextOf(snapshot(A, 'shared', true), async () => {
      lookups.splice(0);
      expect(await resolver.beliefOf(A)).toEqual({ placement: 'shared', moving: true });
      expect(lookups).toEqual([]);
    });
    cached.set(A, snapshot(A, 'shared'));
  });

  it('refuses an unknown tenant', async () => {
    await expect(resolver.placementOf('c'.repeat(24))).rejects.toBeInstanceOf(TenantNotFoundException);
  });
});
