import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { REDIS_CLIENT } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type Redis from 'ioredis';
import request from 'supertest';
import { createIdentityTestApp, expectApiError, PASSWORD, seedTenant, seedUser } from './identity-test-app';

/** Tests that hash or verify many passwords (argon2id, tens of ms each; more on a loaded machine). */
const MANY_HASHES_TIMEOUT_MS = 30_000;

describe('identity over HTTP: /v1/users', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let bank: TenantSnapshot;
  let otherBank: TenantSnapshot;
  const tokens: Record<string, string> = {};

  const http = () => request(app.getHttpServer());
  const loginAs = async (tenant: TenantSnapshot, email: string): Promise<string> => {
    const response = await http()
      .post('/v1/auth/login')
      .set('X-Tenant-ID', tenant.id)
      .send({ email, password: PASSWORD })
      .expect(200);
    return response.body.accessToken as string;
  };
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    app = await createIdentityTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }));
    bank = await seedTenant(app, Tier.Starter, { maxUsers: 5 });
    otherBank = await seedTenant(app, Tier.Starter);
    await seedUser(app, bank, 'admin@bank.test', TenantUserRole.Admin);
    await seedUser(app, bank, 'operator@bank.test', TenantUserRole.Operator);
    await seedUser(app, bank, 'viewer@bank.test', TenantUserRole.Viewer);
    await seedUser(app, otherBank, 'admin@other.test', TenantUserRole.Admin);
    tokens['admin'] = await loginAs(bank, 'admin@bank.test');
    tokens['operator'] = await loginAs(bank, 'operator@bank.test');
    tokens['viewer'] = await loginAs(bank, 'viewer@bank.test');
    tokens['otherAdmin'] = await loginAs(otherBank, 'admin@other.test');
    const keys = await app.get<Redis>(REDIS_CLIENT).keys('rl:*:login');
    if (keys.length > 0) await app.get<Redis>(REDIS_CLIENT).del(...keys);
  }, MANY_HASHES_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
  });

  it('lets an admin create, list, read, re-role and deactivate users', async () => {
    const created = await http()
      .post('/v1/users')
      .set(as('admin'))
      .send({ email: 'New@Bank.test', password: PASSWORD, role: 'VIEWER' })
      .expect(201);
    expect(created.body).toEqual(
      expect.objectContaining({ email: 'new@bank.test', role: 'VIEWER', isActive: true }),
    );
    expect(JSON.stringify(created.body)).not.toMatch(/password|argon2/i);
    const id = created.body.id as string;

    const listed = await http().get('/v1/users?limit=2').set(as('admin')).expect(200);
    expect(listed.body).toEqual({
      object: 'list',
      data: [expect.any(Object), expect.any(Object)],
      has_more: true,
    });
    await http().get(`/v1/users/${id}`).set(as('admin')).expect(200);
    const promoted = await http()
      .patch(`/v1/users/${id}/role`)
      .set(as('admin'))
      .send({ role: 'OPERATOR' })
      .expect(200);
    expect(promoted.body.role).toBe('OPERATOR');
    const deactivated = await http().post(`/v1/users/${id}/deactivate`).set(as('admin')).expect(200);
    expect(deactivated.body.isActive).toBe(false);
    expectApiError(
      await http()
        .post('/v1/auth/login')
        .set('X-Tenant-ID', bank.id)
        .send({ email: 'new@bank.test', password: PASSWORD }),
      401,
      'unauthorized',
    );
  });

  it('is for admins only', async () => {
    for (const who of ['operator', 'viewer']) {
      expectApiError(await http().get('/v1/users').set(as(who)), 403, 'forbidden');
      expectApiError(
        await http()
          .post('/v1/users')
          .set(as(who))
          .send({ email: 'x@bank.test', password: PASSWORD, role: 'ADMIN' }),
        403,
        'forbidden',
      );
    }
    expectApiError(await http().get('/v1/users').set('X-Tenant-ID', bank.id), 401, 'unauthorized');
  });

  it("answers another tenant's user like a missing one, and never lists it", async () => {
    const theirs = await http()
      .post('/v1/users')
      .set(as('otherAdmin'))
      .send({ email: 'theirs@other.test', password: PASSWORD, role: 'VIEWER' })
      .expect(201);
    const id = theirs.body.id as string;
    expectApiError(await http().get(`/v1/users/${id}`).set(as('admin')), 404, 'not_found');
    expectApiError(
      await http().patch(`/v1/users/${id}/role`).set(as('admin')).send({ role: 'ADMIN' }),
      404,
      'not_found',
    );
    expectApiError(await http().post(`/v1/users/${id}/deactivate`).set(as('admin')), 404, 'not_found');
    expectApiError(await http().get('/v1/users/not-an-id').set(as('admin')), 404, 'not_found');
    const listed = await http().get('/v1/users?limit=100').set(as('admin')).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain('other.test');
  });

  it('takes the tenant from the credential only, never from the body', async () => {
    expectApiError(
      await http()
        .post('/v1/users')
        .set(as('admin'))
        .send({ email: 'smuggle@bank.test', password: PASSWORD, role: 'VIEWER', tenantId: otherBank.id }),
      400,
      'validation_error',
    );
  });

  it('validates input', async () => {
    const invalid = await http()
      .post('/v1/users')
      .set(as('admin'))
      .send({ email: 'not-an-email', password: 'short', role: 'OWNER' });
    expectApiError(invalid, 400, 'validation_error');
    expect(invalid.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'email',
      'password',
      'role',
    ]);
  });

  it('refuses a second user with the same email (409)', async () => {
    expectApiError(
      await http()
        .post('/v1/users')
        .set(as('admin'))
        .send({ email: 'ADMIN@bank.test', password: PASSWORD, role: 'VIEWER' }),
      409,
      'conflict',
    );
  });

  it('refuses to let an admin demote or deactivate themselves', async () => {
    const me = (await http().get('/v1/auth/me').set(as('admin')).expect(200)).body.id as string;
    expectApiError(
      await http().patch(`/v1/users/${me}/role`).set(as('admin')).send({ role: 'VIEWER' }),
      403,
      'forbidden',
    );
    expectApiError(await http().post(`/v1/users/${me}/deactivate`).set(as('admin')), 403, 'forbidden');
  });

  it(
    'enforces the tier user limit with 403 user_limit_reached, exactly once at the boundary under concurrency',
    async () => {
      const active = async () =>
        (
          (await http().get('/v1/users?limit=100').set(as('admin')).expect(200)).body.data as Array<{
            isActive: boolean;
          }>
        ).filter((user) => user.isActive).length;
      let next = 0;
      while ((await active()) < 4) {
        await http()
          .post('/v1/users')
          .set(as('admin'))
          .send({ email: `fill${(next += 1)}@bank.test`, password: PASSWORD, role: 'VIEWER' })
          .expect(201);
      }
      const racers = await Promise.all(
        ['racer-a', 'racer-b'].map((name) =>
          http()
            .post('/v1/users')
            .set(as('admin'))
            .send({ email: `${name}@bank.test`, password: PASSWORD, role: 'VIEWER' }),
        ),
      );
      expect(racers.map((response) => response.status).sort()).toEqual([201, 403]);
      const refused = racers.find((response) => response.status === 403);
      expectApiError(refused ?? { status: 0, body: {} }, 403, 'user_limit_reached');
      expect(refused?.body.details).toEqual([expect.objectContaining({ field: 'maxUsers', limit: 5 })]);
      expect(await active()).toBe(5);
    },
    MANY_HASHES_TIMEOUT_MS,
  );
});
