import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { REDIS_CLIENT } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import type Redis from 'ioredis';
import { ObjectId } from 'mongodb';
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

interface LoginBody {
  readonly accessToken: string;
  readonly sessionId: string;
  readonly refreshToken?: string;
  readonly refreshTokenExpiresAt?: string;
}

describe('sessions over HTTP: refresh rotation, reuse detection, logout on every instance (issue 13)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let appA: NestFastifyApplication;
  let appB: NestFastifyApplication;
  let tripsB: RoundTripCounter;
  let bank: TenantSnapshot;
  let otherBank: TenantSnapshot;
  let adminToken: string;

  beforeAll(async () => {
    // One trusted proxy hop, so a test can say the request came over https (X-Forwarded-Proto). Driver command
    // monitoring, so MongoDB round trips can be counted.
    const config = sharedInstanceConfig(mongo.uri, redis.url, { TRUST_PROXY_HOPS: '1' });
    appA = await createIdentityTestApp(config);
    appB = await createIdentityTestApp(config);
    tripsB = new RoundTripCounter(appB, 'user_sessions');
    bank = await seedTenant(appA, Tier.Professional);
    otherBank = await seedTenant(appA, Tier.Professional);
    await seedUser(appA, bank, 'admin@bank.test', TenantUserRole.Admin);
    await seedUser(appA, otherBank, 'admin@other.test', TenantUserRole.Admin);
    await seedPlatformUser(appA, 'root@tenantpay.test');
    adminToken = (await login(appA, 'admin@bank.test').expect(200)).body.accessToken;
  }, HASHING_TIMEOUT_MS);
  afterAll(async () => {
    await appA.close();
    await appB.close();
  });
  // Every test logs in from 127.0.0.1: the per-IP login limit (20 a minute) is not what these tests are about.
  beforeEach(async () => {
    const keys = await appA.get<Redis>(REDIS_CLIENT).keys('rl:*:login');
    if (keys.length > 0) await appA.get<Redis>(REDIS_CLIENT).del(...keys);
  });

  const localCachesOn = () => localCachesOnAll(appA, appB);
  const login = (app: NestFastifyApplication, email: string, delivery?: 'cookie' | 'body', tenant = bank) =>
    request(app.getHttpServer())
      .post('/v1/auth/login')
      .set('X-Tenant-ID', tenant.id)
      .send({
        email,
        password: PASSWORD,
        ...(delivery === undefined ? {} : { refreshTokenDelivery: delivery }),
      });
  async function signedIn(email: string, delivery: 'cookie' | 'body' = 'body'): Promise<LoginBody> {
    return (await login(appA, email, delivery).expect(200)).body as LoginBody;
  }
  const refresh = (app: NestFastifyApplication, refreshToken: string, tenant = bank) =>
    request(app.getHttpServer())
      .post('/v1/auth/refresh')
      .set('X-Tenant-ID', tenant.id)
      .send({ refreshToken });
  const me = (app: NestFastifyApplication, accessToken: string) =>
    request(app.getHttpServer()).get('/v1/auth/me').set('Authorization', `Bearer ${accessToken}`);
  const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` });
  const cookieOf = (response: request.Response): string => {
    const header = response.headers['set-cookie'] as unknown as string[] | undefined;
    const cookie = header?.find((value) => value.startsWith('tp_refresh='));
    if (cookie === undefined) throw new Error('no refresh cookie set');
    return cookie;
  };

  describe('refresh', () => {
    it(
      'rotates the refresh token on every use and issues an access token of the same session',
      async () => {
        const userId = await seedUser(appA, bank, 'rotating@bank.test', TenantUserRole.Operator);
        const first = await signedIn('rotating@bank.test');
        expect(first.refreshToken).toMatch(/^tp_rt_[0-9a-f]{24}_[A-Za-z0-9_-]{43}$/);
        const second = (await refresh(appB, first.refreshToken ?? '').expect(200)).body as LoginBody;
        expect(second.sessionId).toBe(first.sessionId);
        expect(second.refreshToken).not.toBe(first.refreshToken);
        expect(second.accessToken).not.toBe(first.accessToken);
        await me(appB, second.accessToken).expect(200);
        const third = (await refresh(appA, second.refreshToken ?? '').expect(200)).body as LoginBody;
        await me(appA, third.accessToken).expect(200);
        // At rest only hashes: no refresh token appears in the stored session.
        const stored = await mongo.db
          .collection('user_sessions')
          .find({ userId: { $eq: new ObjectId(userId) } })
          .toArray();
        expect(stored).toHaveLength(1);
        for (const token of [first, second, third].map((issued) => issued.refreshToken ?? '')) {
          // The secret is everything after `tp_rt_<session id>_`; base64url may itself contain `_`.
          expect(JSON.stringify(stored)).not.toContain(token.split('_').slice(3).join('_'));
        }
      },
      HASHING_TIMEOUT_MS,
    );

    it(
      'ends the whole family when a rotated refresh token is used again, and audits it',
      async () => {
        await localCachesOn();
        await seedUser(appA, bank, 'stolen@bank.test', TenantUserRole.Operator);
        const original = await signedIn('stolen@bank.test');
        const rotated = (await refresh(appA, original.refreshToken ?? '').expect(200)).body as LoginBody;
        await me(appB, rotated.accessToken).expect(200);

        // The attacker (or a confused client) replays the first token.
        expectApiError(await refresh(appB, original.refreshToken ?? ''), 401, 'refresh_token_reused');

        // Every token of the family is dead: the current refresh token and the access tokens, on both instances.
        expectApiError(await refresh(appA, rotated.refreshToken ?? ''), 401, 'unauthorized');
        expectApiError(await me(appB, rotated.accessToken), 401, 'unauthorized');
        expectApiError(await me(appA, original.accessToken), 401, 'unauthorized');
        const event = await mongo.db
          .collection('audit_events')
          .findOne({ action: 'auth.refresh_token_reused', 'resource.id': original.sessionId });
        expect(event).toEqual(expect.objectContaining({ outcome: 'denied', tenantId: expect.anything() }));
      },
      HASHING_TIMEOUT_MS,
    );

    it(
      "refuses a refresh token on another tenant's host, and garbage, with 401",
      async () => {
        await seedUser(appA, bank, 'traveller@bank.test', TenantUserRole.Viewer);
        const session = await signedIn('traveller@bank.test');
        expectApiError(await refresh(appA, session.refreshToken ?? '', otherBank), 401, 'unauthorized');
        for (const garbage of ['', 'tp_rt_x', `tp_rt_${'0'.repeat(24)}_${'A'.repeat(43)}`]) {
          expectApiError(await refresh(appA, garbage), 401, 'unauthorized');
        }
        expectApiError(
          await request(appA.getHttpServer()).post('/v1/auth/refresh').set('X-Tenant-ID', bank.id).send({}),
          401,
          'unauthorized',
        );
        expectApiError(
          await request(appA.getHttpServer())
            .post('/v1/auth/refresh')
            .set('X-Tenant-ID', bank.id)
            .send({ refreshToken: { $ne: null } }),
          400,
          'validation_error',
        );
        // The token still works on its own tenant: nothing above harmed it.
        await refresh(appA, session.refreshToken ?? '').expect(200);
      },
      HASHING_TIMEOUT_MS,
    );

    it(
      'gives no refresh token unless asked, and refuses a refresh for a deactivated user',
      async () => {
        const userId = await seedUser(appA, bank, 'quitting@bank.test', TenantUserRole.Viewer);
        const plain = (await login(appA, 'quitting@bank.test').expect(200)).body as LoginBody;
        expect(plain).not.toHaveProperty('refreshToken');
        const session = await signedIn('quitting@bank.test');
        await request(appA.getHttpServer()).post(`/v1/users/${userId}/deactivate`).set(asAdmin()).expect(200);
        expectApiError(await refresh(appA, session.refreshToken ?? ''), 401, 'unauthorized');
      },
      HASHING_TIMEOUT_MS,
    );
  });

  describe('the portal cookie', () => {
    it(
      'is HttpOnly, SameSite=Strict, host-only and scoped to the auth path; refresh answers with the next one',
      async () => {
        await seedUser(appA, bank, 'portal@bank.test', TenantUserRole.Operator);
        const loggedIn = await login(appA, 'portal@bank.test', 'cookie').expect(200);
        expect(loggedIn.body).not.toHaveProperty('refreshToken');
        const cookie = cookieOf(loggedIn);
        expect(cookie).toMatch(/; Path=\/v1\/auth(;|$)/);
        expect(cookie).toMatch(/; HttpOnly(;|$)/);
        expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
        expect(cookie).toMatch(/; Expires=/);
        expect(cookie).not.toMatch(/Domain=/i);
        expect(cookie).not.toMatch(/; Secure/);

        const pair = cookie.split(';')[0] ?? '';
        const refreshed = await request(appB.getHttpServer())
          .post('/v1/auth/refresh')
          .set('X-Tenant-ID', bank.id)
          .set('Cookie', pair)
          .send({})
          .expect(200);
        expect(refreshed.body).not.toHaveProperty('refreshToken');
        expect(cookieOf(refreshed).split(';')[0]).not.toBe(pair);
        await me(appB, refreshed.body.accessToken).expect(200);
      },
      HASHING_TIMEOUT_MS,
    );

    it(
      'is Secure when the request came over https (a trusted proxy says so)',
      async () => {
        await seedUser(appA, bank, 'tls@bank.test', TenantUserRole.Viewer);
        const response = await login(appA, 'tls@bank.test', 'cookie')
          .set('X-Forwarded-Proto', 'https')
          .expect(200);
        expect(cookieOf(response)).toMatch(/; Secure(;|$)/);
      },
      HASHING_TIMEOUT_MS,
    );

    it(
      'is cleared by logout',
      async () => {
        await seedUser(appA, bank, 'leaving@bank.test', TenantUserRole.Viewer);
        const loggedIn = await login(appA, 'leaving@bank.test', 'cookie').expect(200);
        const pair = cookieOf(loggedIn).split(';')[0] ?? '';
        const out = await request(appA.getHttpServer())
          .post('/v1/auth/logout')
          .set('X-Tenant-ID', bank.id)
          .set('Authorization', `Bearer ${loggedIn.body.accessToken}`)
          .set('Cookie', pair)
          .expect(204);
        expect(cookieOf(out)).toMatch(/^tp_refresh=; .*Expires=Thu, 01 Jan 1970/);
        const afterwards = await request(appA.getHttpServer())
          .post('/v1/auth/refresh')
          .set('X-Tenant-ID', bank.id)
          .set('Cookie', pair)
          .send({});
        expectApiError(afterwards, 401, 'unauthorized');
      },
      HASHING_TIMEOUT_MS,
    );
  });

  describe('logout', () => {
    it(
      'stops the access token on every instance from the next request',
      async () => {
        await localCachesOn();
        await seedUser(appA, bank, 'shift@bank.test', TenantUserRole.Operator);
        const session = await signedIn('shift@bank.test');
        // Instance B has seen the session live, so it holds it in its in-process cache.
        await me(appB, session.accessToken).expect(200);
        await me(appB, session.accessToken).expect(200);

        await request(appA.getHttpServer())
          .post('/v1/auth/logout')
          .set('Authorization', `Bearer ${session.accessToken}`)
          .expect(204);

        expectApiError(await me(appB, session.accessToken), 401, 'unauthorized');
        expectApiError(await me(appA, session.accessToken), 401, 'unauthorized');
        expectApiError(await refresh(appB, session.refreshToken ?? ''), 401, 'unauthorized');
        const event = await mongo.db
          .collection('audit_events')
          .findOne({ action: 'auth.logout', 'resource.id': session.sessionId });
        expect(event).toEqual(expect.objectContaining({ outcome: 'success' }));
      },
      HASHING_TIMEOUT_MS,
    );

    it(
      'checks a steady request against the in-process cache: no MongoDB round trip for the session',
      async () => {
        await localCachesOn();
        await seedUser(appA, bank, 'steady@bank.test', TenantUserRole.Viewer);
        const session = await signedIn('steady@bank.test');
        tripsB.reset();
        await me(appB, session.accessToken).expect(200);
        // The counter does see the first check (so the assertion below can fail).
        expect(tripsB.mongo).toBeGreaterThan(0);
        tripsB.reset();
        for (let i = 0; i < 20; i += 1) await me(appB, session.accessToken).expect(200);
        // Only MongoDB is asserted: the session check never reads Redis (its invalidations arrive over pub/sub),
        // and the tenant lookups' own in-process entries may expire (15 s) during a slow run and refill from Redis.
        expect(tripsB.mongo).toBe(0);
      },
      HASHING_TIMEOUT_MS,
    );
  });

  describe('session lists', () => {
    it(
      'lets users list and end their own sessions, never another user’s',
      async () => {
        await seedUser(appA, bank, 'laptops@bank.test', TenantUserRole.Viewer);
        const laptop = await signedIn('laptops@bank.test');
        const phone = await signedIn('laptops@bank.test');
        const listed = await request(appB.getHttpServer())
          .get('/v1/auth/sessions')
          .set('Authorization', `Bearer ${phone.accessToken}`)
          .expect(200);
        expect(listed.body.data).toEqual([
          expect.objectContaining({ id: phone.sessionId, current: true, ip: expect.any(String) }),
          expect.objectContaining({ id: laptop.sessionId, current: false }),
        ]);

        // The admin's token cannot end this user's session through the self-service route.
        expectApiError(
          await request(appA.getHttpServer())
            .post(`/v1/auth/sessions/${laptop.sessionId}/revoke`)
            .set(asAdmin()),
          404,
          'not_found',
        );
        await request(appA.getHttpServer())
          .post(`/v1/auth/sessions/${laptop.sessionId}/revoke`)
          .set('Authorization', `Bearer ${phone.accessToken}`)
          .expect(204);
        expectApiError(await me(appB, laptop.accessToken), 401, 'unauthorized');
        await me(appB, phone.accessToken).expect(200);
      },
      HASHING_TIMEOUT_MS,
    );

    it(
      "lets a tenant admin see and end a user's sessions; not other roles, not across tenants",
      async () => {
        const userId = await seedUser(appA, bank, 'lost-laptop@bank.test', TenantUserRole.Operator);
        const session = await signedIn('lost-laptop@bank.test');
        const listed = await request(appA.getHttpServer())
          .get(`/v1/users/${userId}/sessions`)
          .set(asAdmin())
          .expect(200);
        expect(listed.body.data).toEqual([
          expect.objectContaining({ id: session.sessionId, current: false }),
        ]);

        expectApiError(
          await request(appA.getHttpServer())
            .post(`/v1/users/${userId}/sessions/revoke`)
            .set('Authorization', `Bearer ${session.accessToken}`),
          403,
          'forbidden',
        );
        const otherAdmin = (await login(appA, 'admin@other.test', undefined, otherBank).expect(200)).body
          .accessToken as string;
        expectApiError(
          await request(appA.getHttpServer())
            .post(`/v1/users/${userId}/sessions/revoke`)
            .set('Authorization', `Bearer ${otherAdmin}`),
          404,
          'not_found',
        );

        await request(appA.getHttpServer())
          .post(`/v1/users/${userId}/sessions/revoke`)
          .set(asAdmin())
          .expect(200, { revoked: 1 });
        expectApiError(await me(appB, session.accessToken), 401, 'unauthorized');
        expectApiError(await refresh(appB, session.refreshToken ?? ''), 401, 'unauthorized');
      },
      HASHING_TIMEOUT_MS,
    );
  });

  describe('platform users', () => {
    it(
      'refresh, list and log out the same way, without a tenant',
      async () => {
        const loggedIn = await request(appA.getHttpServer())
          .post('/v1/platform/auth/login')
          .send({ email: 'root@tenantpay.test', password: PASSWORD, refreshTokenDelivery: 'body' })
          .expect(200);
        const first = loggedIn.body as LoginBody;
        const second = (
          await request(appB.getHttpServer())
            .post('/v1/platform/auth/refresh')
            .send({ refreshToken: first.refreshToken })
            .expect(200)
        ).body as LoginBody;
        const asOperator = { Authorization: `Bearer ${second.accessToken}` };
        await request(appB.getHttpServer()).get('/v1/platform/auth/me').set(asOperator).expect(200);
        const listed = await request(appB.getHttpServer())
          .get('/v1/platform/auth/sessions')
          .set(asOperator)
          .expect(200);
        expect(listed.body.data).toEqual(
          expect.arrayContaining([expect.objectContaining({ id: first.sessionId, current: true })]),
        );
        // A platform refresh token is not a tenant user's.
        expectApiError(await refresh(appA, second.refreshToken ?? ''), 401, 'unauthorized');

        await request(appA.getHttpServer()).post('/v1/platform/auth/logout').set(asOperator).expect(204);
        expectApiError(
          await request(appB.getHttpServer()).get('/v1/platform/auth/me').set(asOperator),
          401,
          'unauthorized',
        );
        expectApiError(
          await request(appB.getHttpServer())
            .post('/v1/platform/auth/refresh')
            .send({ refreshToken: second.refreshToken }),
          401,
          'unauthorized',
        );
      },
      HASHING_TIMEOUT_MS,
    );
  });

  describe('unlock and reactivation', () => {
    it(
      'an admin unlocks an account locked by five failures, and it is audited',
      async () => {
        const userId = await seedUser(appA, bank, 'locked@bank.test', TenantUserRole.Viewer);
        for (let i = 0; i < 5; i += 1) {
          await request(appA.getHttpServer())
            .post('/v1/auth/login')
            .set('X-Tenant-ID', bank.id)
            .send({ email: 'locked@bank.test', password: 'wrong password!' })
            .expect(401);
        }
        expectApiError(await login(appA, 'locked@bank.test'), 429, 'rate_limit_exceeded');
        // The user view tells the admin who is locked out and until when (15 minutes after the first failure).
        const locked = await request(appA.getHttpServer())
          .get(`/v1/users/${userId}`)
          .set(asAdmin())
          .expect(200);
        const lockedUntil = Date.parse(locked.body.lockedUntil as string);
        expect(lockedUntil).toBeGreaterThan(Date.now() + 14 * 60_000);
        expect(lockedUntil).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
        const listed = await request(appA.getHttpServer()).get('/v1/users').set(asAdmin()).expect(200);
        expect(listed.body.data).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id: userId, lockedUntil: locked.body.lockedUntil }),
          ]),
        );

        const unlocked = await request(appA.getHttpServer())
          .post(`/v1/users/${userId}/unlock`)
          .set(asAdmin())
          .expect(200);
        expect(unlocked.body.lockedUntil).toBeNull();
        await login(appA, 'locked@bank.test').expect(200);
        const event = await mongo.db
          .collection('audit_events')
          .findOne({ action: 'user.unlocked', 'resource.id': userId });
        expect(event).toEqual(expect.objectContaining({ outcome: 'success' }));
      },
      HASHING_TIMEOUT_MS,
    );

    it(
      'an admin reactivates a deactivated user if a seat is left; old sessions stay ended',
      async () => {
        const smallBank = await seedTenant(appA, Tier.Starter, { maxUsers: 2 });
        await seedUser(appA, smallBank, 'admin@small.test', TenantUserRole.Admin);
        const smallAdmin = {
          Authorization: `Bearer ${(await login(appA, 'admin@small.test', undefined, smallBank).expect(200)).body.accessToken}`,
        };
        const userId = await seedUser(appA, smallBank, 'returning@small.test', TenantUserRole.Viewer);
        const before = (await login(appA, 'returning@small.test', 'body', smallBank).expect(200))
          .body as LoginBody;
        const users = () => request(appA.getHttpServer()).post('/v1/users').set(smallAdmin);
        const action = (id: string, name: string) =>
          request(appA.getHttpServer()).post(`/v1/users/${id}/${name}`).set(smallAdmin);
        await action(userId, 'deactivate').expect(200);
        // Its seat goes to a newcomer: none is left for the comeback.
        const newcomer = await users()
          .send({ email: 'newcomer@small.test', password: PASSWORD, role: 'VIEWER' })
          .expect(201);
        expectApiError(await action(userId, 'reactivate'), 403, 'user_limit_reached');

        await action(newcomer.body.id, 'deactivate').expect(200);
        const reactivated = await action(userId, 'reactivate').expect(200);
        expect(reactivated.body).toEqual(expect.objectContaining({ id: userId, isActive: true }));
        // Reactivating an active user changes nothing (and takes no second seat).
        await action(userId, 'reactivate').expect(200);
        expectApiError(await action(newcomer.body.id, 'reactivate'), 403, 'user_limit_reached');

        expectApiError(await me(appA, before.accessToken), 401, 'unauthorized');
        expectApiError(await refresh(appA, before.refreshToken ?? '', smallBank), 401, 'unauthorized');
        await login(appA, 'returning@small.test', undefined, smallBank).expect(200);
        expect(
          await mongo.db
            .collection('audit_events')
            .findOne({ action: 'user.reactivated', 'resource.id': userId }),
        ).toEqual(expect.objectContaining({ outcome: 'success' }));
      },
      HASHING_TIMEOUT_MS,
    );
  });
});
