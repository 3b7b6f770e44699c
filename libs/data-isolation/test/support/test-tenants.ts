import {
  type Principal,
  ResolutionMethod,
  TenantContextService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { Types } from 'mongoose';

export interface TestTenant {
  readonly id: string;
  readonly objectId: Types.ObjectId;
  readonly snapshot: TenantSnapshot;
}

export function testTenant(slug: string): TestTenant {
  const objectId = new Types.ObjectId();
  const snapshot = Object.freeze({
    id: objectId.toHexString(),
    slug,
    name: slug,
    tier: Tier.Enterprise,
    isActive: true,
    limits: {},
    features: [],
    verifiedDomains: [],
    allDomains: [],
    settings: { branding: {}, paymentWorkflow: {} },
    updatedAt: new Date(0).toISOString(),
  }) as unknown as TenantSnapshot;
  return { id: snapshot.id, objectId, snapshot };
}

const context = new TenantContextService();

/** Runs `work` as a signed-in admin of `tenant`. */
export function asTenant<T>(tenant: TestTenant, work: () => T): T {
  const principal: Principal = {
    kind: 'user',
    userId: `admin-of-${tenant.snapshot.slug}`,
    tenantId: tenant.id,
    role: 'ADMIN',
    tokenId: 'token',
    sessionId: 's-token',
  };
  return context.run(
    {
      tenant: tenant.snapshot,
      resolvedBy: ResolutionMethod.JwtClaim,
      principal,
      requestId: `req-${tenant.snapshot.slug}`,
    },
    work,
  );
}

export function asPlatform<T>(reason: string, work: () => T): T {
  return context.runAsPlatform(reason, work);
}

/** A request context without a tenant (a public route): tenant data must be unreachable from here. */
export function withoutTenant<T>(work: () => T): T {
  return context.run({ tenant: null, resolvedBy: null, principal: null, requestId: 'req-public' }, work);
}
