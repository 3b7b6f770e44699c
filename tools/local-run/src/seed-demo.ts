import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ApiKeyScope,
  ApiKeysService,
  PlatformUsersService,
  TenantUserRole,
  UsersService,
} from '@tenantpay/identity';
import type { AppConfig } from '@tenantpay/platform';
import { TenantAdminService, TenantContextService, TenantLookupService, Tier } from '@tenantpay/tenancy';
import { randomBytes } from 'node:crypto';
import { IdentityToolingModule } from './identity-tooling.module';

const DEMO_TENANTS = [
  { slug: 'first-bank', name: 'First Community Bank', tier: Tier.Starter, color: '#1f6feb' },
  { slug: 'growth-bank', name: 'Growth Savings', tier: Tier.Professional, color: '#2da44e' },
  { slug: 'global-bank', name: 'Global Trust', tier: Tier.Enterprise, color: '#8250df' },
] as const;
const SUPER_ADMIN_EMAIL = 'ops@tenantpay.test';

/**
 * Demo data for `npm start`: one tenant of each tier with an admin and a viewer, a super-admin, and an
 * API key for the enterprise tenant. Passwords and the key are random and printed once; a database that
 * already has the demo (a persistent mongod) is left alone.
 */
export async function seedDemo(config: AppConfig): Promise<string[]> {
  const app = await NestFactory.createApplicationContext(IdentityToolingModule.forRoot(config), {
    logger: false,
    // A module that cannot be built is thrown to the caller, which prints it; Nest's default exits silently.
    abortOnError: false,
  });
  try {
    if (await app.get(TenantLookupService).findBySlug(DEMO_TENANTS[0].slug)) {
      return ['Demo data already present (its passwords were printed when it was created).'];
    }
    return await createDemo(app, config);
  } finally {
    await app.close();
  }
}

async function createDemo(app: INestApplicationContext, config: AppConfig): Promise<string[]> {
  const tenants = app.get(TenantAdminService);
  const lookup = app.get(TenantLookupService);
  const context = app.get(TenantContextService);
  const lines = [
    `Demo tenants (staff console at http://<slug>.${config.tenancy.baseDomain}:${config.http.port}/, or send X-Tenant-ID: <slug> to the API):`,
  ];

  for (const demo of DEMO_TENANTS) {
    const created = await tenants.create({
      slug: demo.slug,
      name: demo.name,
      tier: demo.tier,
      branding: {
        displayName: demo.name,
        primaryColor: demo.color,
        supportEmail: `support@${demo.slug}.test`,
      },
    });
    const snapshot = await lookup.findById(created.id);
    if (snapshot === null) throw new Error(`demo tenant ${demo.slug} vanished`);
    const adminPassword = demoPassword();
    const viewerPassword = demoPassword();
    const apiKey = await context.run(
      { tenant: snapshot, resolvedBy: null, principal: null, requestId: 'demo-seed' },
      async () => {
        const users = app.get(UsersService);
        await users.create({
          email: `admin@${demo.slug}.test`,
          password: adminPassword,
          role: TenantUserRole.Admin,
        });
        await users.create({
          email: `viewer@${demo.slug}.test`,
          password: viewerPassword,
          role: TenantUserRole.Viewer,
        });
        if (demo.tier !== Tier.Enterprise) return undefined;
        return app.get(ApiKeysService).create({ name: 'demo server', scopes: Object.values(ApiKeyScope) });
      },
    );
    lines.push(
      `  ${demo.slug.padEnd(12)} ${demo.tier.padEnd(13)} admin@${demo.slug}.test / ${adminPassword}   viewer@${demo.slug}.test / ${viewerPassword}`,
    );
    if (apiKey !== undefined)
      lines.push(`  ${''.padEnd(12)} API key (all scopes, shown once): ${apiKey.key}`);
  }

  const superAdminPassword = demoPassword();
  await app.get(PlatformUsersService).create(SUPER_ADMIN_EMAIL, superAdminPassword);
  lines.push(`Super-admin (POST /v1/platform/auth/login): ${SUPER_ADMIN_EMAIL} / ${superAdminPassword}`);
  lines.push(
    'Tenant login: POST /v1/auth/login with {"email","password"} on the tenant host or with X-Tenant-ID.',
  );
  return lines;
}

function demoPassword(): string {
  return `demo-${randomBytes(9).toString('base64url')}`;
}
