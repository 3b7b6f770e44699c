import { readyHttpApplication } from '@tenantpay/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import type { AppConfig } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { createApiApplication } from '../../src/create-api-application';
import { seedTenant } from '../identity-test-app';
import { userToken } from '../payments-test-app';

export interface ApiWithTenantAdmin {
  readonly app: NestFastifyApplication;
  readonly tenant: TenantSnapshot;
  readonly admin: { Authorization: string };
}

/**
 * The production API (createApiApplication, every real module and port) with an ENTERPRISE tenant — no
 * monthly quota — and its admin's bearer header: what fault tests drive while they take a dependency away.
 */
export async function startApiWithTenantAdmin(config: AppConfig): Promise<ApiWithTenantAdmin> {
  const app = await createApiApplication(config);
  await readyHttpApplication(app);
  const tenant = await seedTenant(app, Tier.Enterprise);
  const admin = (await userToken(app, tenant, 'admin@fault.test', TenantUserRole.Admin)).auth;
  return { app, tenant, admin };
}
