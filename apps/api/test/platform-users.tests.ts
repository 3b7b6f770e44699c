import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformUsersService, TenantUserRole } from '@tenantpay/identity';
import { Tier, TenantContextService } from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import {
  createIdentityTestApp,
  expectApiError,
  PASSWORD,
  seedPlatformUser,
  seedTenant,
  seedUser,
} from './identity-test-app';
import { RoundTripCounter } from './support/round-trip-counter';
import { localCachesOn as localCachesOnAll, sharedInstanceConfig } from './support/two-api-instances';

/** Tests that hash passwords (argon2id, tens of ms each; more on a loaded machine). */
const HASHING_TIMEOUT_MS = 30_000;
const OPERATOR_PASSWORD = 'seven amber kites drifting';

describe('platform users: super-admins create, list, deactivate and reactivate operators (issue 13)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let appA: NestFastifyApplication;
  let appB: NestFastifyApplication;
  let rootId: string;
  let root: { Authorization: string };

  const http = (app: NestFastifyApplication = appA) => request(app.getHttpServer());
  const login = (email: string, password = OPERATOR_PASSWORD, app = appA) =>
    http(app).post('/v1/platform/auth/login').send({ email, password, refreshTokenDelivery: 'body' });
  const bearer = (response: request.Response) => ({
    Authorization: `Bearer ${response.body.accessToken as string}`,
  });
  /** A new operator created over HTTP by root, and their id. */
  const newOperator = async (email: string): Promise<string> =>
    (
      await http()
        .post('/v1/admin/platform-users')
        .set(root)
        .send({ email, password: OPERATOR_PASSWORD })
        .expect(201)
    ).body.id as string;
  const deactivate = (id: string, as: { Authorization: string }, app = appA) =>
    http(app).post(`/v1/admin/platform-users/${id}/deactivate`).set(as);
  const activeOperators = () => mongo.db.collection('platform_users').countDocuments({ isActive: true });

  beforeAll(async () => {
    const config = sharedInstanceConfig(mongo.uri, redis.url);
    appA = await createIdentityTestApp(config);
    appB = await createIdentityTestApp(config);
    rootId = await seedPlatformUser(appA, 'root@tenantpay.test');
    root = bearer(await login('root@tenantpay.test', PASSWORD).expect(200));
  }, HASHING_TIMEOUT_MS);
  afterAll(async () => {
    await appA.close();
    await appB.close();
  });

  it(
    'creates an operator with an initial password under the policy, who can sign in; lists them',
    async () => {
      expectApiError(
        await http()
          .post('/v1/admin/platform-users')
          .set(root)
          .send({ email: 'weak@tenantpay.test', password: 'password1234' }),
        400,
        'weak_password',
      );
      expectApiError(
        await http().post('/v1/admin/platform-users').set(root).send({ email: 'not an email' }),
        400,
        'validation_error',
      );
      const id = await newOperator('Ada@Tenantpay.test');
      expectApiError(
        await http()
          .post('/v1/admin/platform-users')
          .set(root)
          .send({ email: 'ada@tenantpay.test', password: OPERATOR_PASSWORD }),
        409,
        'conflict',
      );
      const shown = await http().get(`/v1/admin/platform-users/${id}`).set(root).expect(200);
      expect(shown.body).toEqual({
        id,
        email: 'ada@tenantpay.test',
        role: 'SUPER_ADMIN',
        isActive: true,
        lastLoginAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await login('ada@tenantpay.test').expect(200);
      const page = await http().get('/v1/admin/platform-users?limit=1').set(root).expect(200);
      expect(page.body).toEqual({
        object: 'list',
        data: [expect.objectContaining({ id: rootId })],
        has_more: true,
      });
      const next = await http()
        .get(`/v1/admin/platform-users?limit=100&starting_after=${rootId}`)
        .set(root)
        .expect(200);
      expect(next.body.data.map((user: { id: string }) => user.id)).toContain(id);
      expect(JSON.stringify(next.body)).not.toContain('passwordHash');
      const created = await mongo.db
        .collection('audit_events')
        .findOne({ action: 'platform_user.created', 'resource.id': id });
      expect(created).toEqual(
        expect.objectContaining({ outcome: 'success', actor: { type: 'platform-user', id: rootId } }),
      );
    },
    HASHING_TIMEOUT_MS,
  );

  it(
    'is for super-admins only: a tenant admin is refused and sees no operator',
    async () => {
      const bank = await seedTenant(appA, Tier.Enterprise);
      await seedUser(appA, bank, 'admin@bank.test', TenantUserRole.Admin);
      const admin = bearer(
        await http()
          .post('/v1/auth/login')
          .set('X-Tenant-ID', bank.id)
          .send({ email: 'admin@bank.test', password: PASSWORD })
          .expect(200),
      );
      expectApiError(await http().get('/v1/admin/platform-users').set(admin), 403, 'forbidden');
      expectApiError(await deactivate(rootId, admin), 403, 'forbidden');
      expectApiError(await http().get('/v1/admin/platform-users'), 401, 'unauthorized');
    },
    HASHING_TIMEOUT_MS,
  );

  it(
    'deactivation ends the operator’s sessions and stops their access token on every instance at once',
    async () => {
      await localCachesOnAll(appA, appB);
      const id = await newOperator('grace@tenantpay.test');
      const signedIn = await login('grace@tenantpay.test').expect(200);
      const grace = bearer(signedIn);
      // Instance B has seen the operator active, so it holds that in its in-process cache.
      await http(appB).get('/v1/admin/tenants?limit=1').set(grace).expect(200);
      await http(appB).get('/v1/admin/tenants?limit=1').set(grace).expect(200);

      const deactivated = await deactivate(id, root).expect(200);
      expect(deactivated.body).toEqual(expect.objectContaining({ id, isActive: false }));
      expectApiError(await http(appB).get('/v1/admin/tenants?limit=1').set(grace), 401, 'unauthorized');
      expectApiError(await http(appA).get('/v1/platform/auth/me').set(grace), 401, 'unauthorized');
      expectApiError(
        await http(appB)
          .post('/v1/platform/auth/refresh')
          .send({ refreshToken: signedIn.body.refreshToken as string }),
        401,
        'unauthorized',
      );
      expectApiError(await login('grace@tenantpay.test'), 401, 'unauthorized');
      // Deactivating again changes nothing.
      await deactivate(id, root).expect(200);
      expect(
        await mongo.db
          .collection('audit_events')
          .countDocuments({ action: 'platform_user.deactivated', 'resource.id': id }),
      ).toBe(1);

      const reactivated = await http()
        .post(`/v1/admin/platform-users/${id}/reactivate`)
        .set(root)
        .expect(200);
      expect(reactivated.body).toEqual(expect.objectContaining({ id, isActive: true }));
      // The old session stays ended; a new sign-in works on either instance.
      expectApiError(await http(appB).get('/v1/admin/tenants?limit=1').set(grace), 401, 'unauthorized');
      const again = bearer(await login('grace@tenantpay.test', OPERATOR_PASSWORD, appB).expect(200));
      await http(appA).get('/v1/admin/tenants?limit=1').set(again).expect(200);
    },
    HASHING_TIMEOUT_MS,
  );

  it(
    'checks a steady request against the in-process cache: no MongoDB read of platform_users',
    async () => {
      await localCachesOnAll(appA, appB);
      const trips = new RoundTripCounter(appB, 'platform_users');
      await newOperator('steady@tenantpay.test');
      const steady = bearer(await login('steady@tenantpay.test').expect(200));
      trips.reset();
      await http(appB).get('/v1/admin/tenants?limit=1').set(steady).expect(200);
      // The counter does see the first check (so the assertion below can fail).
      expect(trips.mongo).toBeGreaterThan(0);
      trips.reset();
      for (let i = 0; i < 20; i += 1)
        await http(appB).get('/v1/admin/tenants?limit=1').set(steady).expect(200);
      expect(trips.mongo).toBe(0);
    },
    HASHING_TIMEOUT_MS,
  );

  it('refuses deactivating oneself (403) and an unknown id (404)', async () => {
    expectApiError(await deactivate(rootId, root), 403, 'forbidden');
    expectApiError(await deactivate('65a1b2c3d4e5f6a7b8c9d0e1', root), 404, 'not_found');
    expectApiError(await deactivate('nope', root), 404, 'not_found');
  });

  it(
    'never deactivates the last active super-admin, even when two operators deactivate each other at once',
    async () => {
      const p = await newOperator('p@tenantpay.test');
      const q = await newOperator('q@tenantpay.test');
      const asP = bearer(await login('p@tenantpay.test').expect(200));
      const asQ = bearer(await login('q@tenantpay.test').expect(200));
      // Everyone but p and q leaves.
      const others = await mongo.db
        .collection('platform_users')
        .find({ isActive: true, email: { $nin: ['p@tenantpay.test', 'q@tenantpay.test'] } })
        .toArray();
      for (const other of others) await deactivate(other._id.toHexString(), asP).expect(200);
      expect(await activeOperators()).toBe(2);

      const [byP, byQ] = await Promise.all([deactivate(q, asP), deactivate(p, asQ, appB)]);
      const statuses = [byP.status, byQ.status].sort();
      // One wins; the other is refused as the last super-admin, or (if it arrived after the winner's commit) its
      // own token no longer works.
      expect([
        [200, 409],
        [200, 401],
      ]).toContainEqual(statuses);
      for (const response of [byP, byQ]) {
        if (response.status === 409) expectApiError(response, 409, 'last_super_admin');
      }
      expect(await activeOperators()).toBe(1);

      // Without a principal in the way (the bootstrap tools' context), the last one is refused too.
      const last = byP.status === 200 ? p : q;
      await expect(
        appA
          .get(TenantContextService)
          .runAsPlatform('test: last super-admin', () => appA.get(PlatformUsersService).deactivate(last)),
      ).rejects.toMatchObject({ code: 'last_super_admin' });
      expect(await activeOperators()).toBe(1);
    },
    HASHING_TIMEOUT_MS,
  );
});
