/**
 * A tenant with one user and that user's access token, created through the same services the admin API uses,
 * for the load benchmark and the soak (any Nest context that has the tenancy and identity modules).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { SessionsService, TenantUserRole, UsersService } from '@tenantpay/identity';
import {
  type LimitOverridesInput,
  ResolutionMethod,
  TenantAdminService,
  type TenantContext,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
  type Tier,
} from '@tenantpay/tenancy';
import { randomBytes } from 'node:crypto';

export interface BenchTenant {
  readonly tenant: TenantSnapshot;
  readonly token: string;
  /** The context a request of this user runs in once the chain has resolved and authenticated it. */
  readonly context: TenantContext;
}

export interface BenchTenantOptions {
  readonly tier: Tier;
  /** `tenant.limits` overrides; omitted: the tier's own limits. */
  readonly limits?: LimitOverridesInput;
  readonly role?: TenantUserRole;
}

export async function seedBenchTenant(
  app: INestApplicationContext,
  options: BenchTenantOptions,
): Promise<BenchTenant> {
  const slug = `bench${randomBytes(4).toString('hex')}`;
  const role = options.role ?? TenantUserRole.Admin;
  const tenantContext = app.get(TenantContextService);
  const created = await tenantContext.runAsPlatform('benchmark setup', () =>
    app.get(TenantAdminService).create({
      slug,
      name: `Bench ${slug}`,
      tier: options.tier,
      ...(options.limits === undefined ? {} : { limits: options.limits }),
    }),
  );
  const tenant = await app.get(TenantLookupService).findById(created.id);
  if (tenant === null) throw new Error('seeded tenant not found');
  const seeding = { tenant, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'bench' };
  const user = await tenantContext.run(seeding, () =>
    app.get(UsersService).create({
      email: `bench@${slug}.example.com`,
      password: randomBytes(16).toString('hex'),
      role,
    }),
  );
  // A real session: access tokens name one, and a request checks it still stands.
  const issued = await tenantContext.run(seeding, () =>
    app
      .get(SessionsService)
      .open({ kind: 'user', userId: user.id, tenantId: tenant.id, role }, { ip: null, userAgent: 'bench' }),
  );
  return {
    tenant,
    token: issued.accessToken,
    context: {
      tenant,
      resolvedBy: ResolutionMethod.JwtClaim,
      principal: {
        kind: 'user',
        userId: user.id,
        tenantId: tenant.id,
        role,
        tokenId: 'bench',
        sessionId: issued.sessionId,
      },
      requestId: 'bench',
    },
  };
}
