import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole, UsersService } from '@tenantpay/identity';
import { REDIS_CLIENT } from '@tenantpay/platform';
import { ResolutionMethod, TenantContextService, type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type Redis from 'ioredis';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import {
  createIdentityTestApp,
  expectApiError,
  PASSWORD,
  seedPlatformUser,
  seedTenant,
  seedUser,
} from './identity-test-app';

/** Tests that hash or verify many passwords (argon2id, tens of ms each; more on a loaded machine). */
const MANY_HASHES_TIMEOUT_MS = 30_000;

const K1 = 'a'.repeat(40); // TEST_JWT_SIGNING_KEYS: k1 (active) and k2

describe('identity over HTTP: login, access tokens, who am I', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let bank: TenantSnapshot;
  let otherBank: TenantSnapshot;
  let adaId: string;

  beforeAll(async () => {
    // One proxy hop trusted, so the per-IP limit test can speak from its own address (X-Forwarded-For): a
    // refusal is remembered in the limiter's process, and the other tests log in from 127.0.0.1.
    app = await createIdentityTestApp(
      testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, TRUST_PROXY_HOPS: '1' }),
    );
    bank = await seedTenant(app, Tier.Professional);
    otherBank = await seedTenant(app, Tier.Professional);
    adaId = await seedUser(app, bank, 'ada@bank.test', TenantUserRole.Operator);
    const inactiveId = await seedUser(app, bank, 'gone@bank.test', TenantUserRole.Viewer);
    await app
      .get(TenantContextService)
      .run(
        { tenant: bank, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'seed' },
        () => app.get(UsersService).deactivate(inactiveId),
      );
    await seedUser(app, bank, 'locked@bank.test', TenantUserRole.Viewer);
    await seedUser(app, otherBank, 'bob@other.test', TenantUserRole.Admin);
    await seedPlatformUser(app, 'root@tenantpay.test');
  }, MANY_HASHES_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
  });
  beforeEach(async () => {
    const keys = await app.get<Redis>(REDIS_CLIENT).keys('rl:*:login');
    if (keys.length > 0) await app.get<Redis>(REDIS_CLIENT).del(...keys);
  });

  const http = () => request(app.getHttpServer());
  const login = (email: string, password: string, tenant: TenantSnapshot | null = bank) =>
    http()
      .post('/v1/auth/login')
      .set(tenant === null ? {} : { 'X-Tenant-ID': tenant.id })
      .send({ email, password });
  const tokenFor = async (email: string, tenant = bank) =>
    (await login(email, PASSWORD, tenant).expect(200)).body.accessToken as string;

  describe('POST /v1/auth/login', () => {
    it('logs a tenant user in to the tenant named by X-Tenant-ID', async () => {
      const response = await login('ada@bank.test', PASSWORD).expect(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        sessionId: expect.stringMatching(/^[0-9a-f]{24}$/),
      });
    });

    it('logs a tenant user in to the tenant named by its subdomain', async () => {
      await http()
        .post('/v1/auth/login')
        .set('Host', `${bank.slug}.tenantpay.test`)
        .send({ email: 'ada@bank.test', password: PASSWORD })
        .expect(200);
    });

    it(
      'answers every failure with the same 401, whatever was wrong',
      async () => {
        const failures = [
          await login('nobody@bank.test', PASSWORD),
          await login('ada@bank.test', 'not the password'),
          await login('gone@bank.test', PASSWORD),
          await login('bob@other.test', PASSWORD), // right password, other tenant
          await login('not even an email', PASSWORD),
        ];
        for (const response of failures) expectApiError(response, 401, 'unauthorized');
        const bodies = failures.map(({ body }) => ({ ...body, requestId: undefined, timestamp: undefined }));
        expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
        expect(bodies[0]).toEqual(expect.objectContaining({ message: 'Invalid email or password.' }));
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it('audits each failure with its reason and the client IP', async () => {
      await login('audited@bank.test', PASSWORD).expect(401);
      const event = await mongo.db
        .collection('audit_events')
        .findOne({ action: 'auth.login_failed', 'metadata.email': 'audited@bank.test' });
      expect(event).toEqual(
        expect.objectContaining({
          outcome: 'failure',
          ip: expect.stringMatching(/127\.0\.0\.1|::1/),
          metadata: expect.objectContaining({ reason: 'unknown_email' }),
        }),
      );
    });

    it('needs a tenant: 400 without one', async () => {
      expectApiError(await login('ada@bank.test', PASSWORD, null), 400, 'validation_error');
    });

    it('answers 404 tenant_not_found when the header or host names no tenant, as branding does', async () => {
      const unknownId = '0123456789abcdef01234567';
      for (const tenantHeaders of [
        { 'X-Tenant-ID': unknownId },
        { 'X-Tenant-ID': 'no-such-bank' },
        { Host: 'no-such-bank.tenantpay.test' },
      ]) {
        expectApiError(
          await http()
            .post('/v1/auth/login')
            .set(tenantHeaders)
            .send({ email: 'ada@bank.test', password: PASSWORD }),
          404,
          'tenant_not_found',
        );
        expectApiError(await http().get('/v1/branding').set(tenantHeaders), 404, 'tenant_not_found');
      }
    });

    it('refuses a body that is not exactly {email, password}', async () => {
      expectApiError(
        await http().post('/v1/auth/login').set('X-Tenant-ID', bank.id).send({ email: 'ada@bank.test' }),
        400,
        'validation_error',
      );
      expectApiError(
        await http()
          .post('/v1/auth/login')
          .set('X-Tenant-ID', bank.id)
          .send({ email: 'ada@bank.test', password: PASSWORD, tenantId: otherBank.id }),
        400,
        'validation_error',
      );
      expectApiError(
        await http()
          .post('/v1/auth/login')
          .set('X-Tenant-ID', bank.id)
          .send({ email: { $gt: '' }, password: PASSWORD }),
        400,
        'validation_error',
      );
    });

    it(
      'locks an account after 5 failures with 429 and Retry-After, even for the right password',
      async () => {
        for (let i = 0; i < 5; i += 1) await login('locked@bank.test', `wrong password ${i}`).expect(401);
        const locked = await login('locked@bank.test', PASSWORD);
        expectApiError(locked, 429, 'rate_limit_exceeded');
        expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
        // Another account from the same address is not affected.
        await login('bob@other.test', PASSWORD, otherBank).expect(200);
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it(
      'limits attempts per client IP with 429',
      async () => {
        const fromOneAddress = (email: string) =>
          login(email, PASSWORD).set('X-Forwarded-For', '198.51.100.7');
        for (let i = 0; i < 20; i += 1) await fromOneAddress(`spray${i}@bank.test`).expect(401);
        // The 21st is refused while Redis decides. A decision past its deadline on a loaded machine is made
        // by the per-process fallback limiter (fail open, SPEC §7), which holds its own 20: at most 20 more.
        let limited = await fromOneAddress('ada@bank.test');
        for (let i = 0; i < 20 && limited.status !== 429; i += 1) {
          expect(limited.status).toBe(200);
          limited = await fromOneAddress('ada@bank.test');
        }
        expectApiError(limited, 429, 'rate_limit_exceeded');
        expect(limited.headers['retry-after']).toMatch(/^\d+$/);
        // The same account from another address is served.
        await login('ada@bank.test', PASSWORD).expect(200);
      },
      MANY_HASHES_TIMEOUT_MS,
    );
  });

  describe('access tokens', () => {
    it('GET /v1/auth/me describes the caller', async () => {
      const response = await http()
        .get('/v1/auth/me')
        .set('Authorization', `Bearer ${await tokenFor('ada@bank.test')}`)
        .expect(200);
      expect(response.body).toEqual({
        kind: 'user',
        id: adaId,
        email: 'ada@bank.test',
        role: 'OPERATOR',
        tenantId: bank.id,
        tier: 'PROFESSIONAL',
        features: ['BASIC_PAYMENTS', 'BULK_PAYMENTS', 'ANALYTICS'],
      });
    });

    it('needs a credential: 401 without one', async () => {
      expectApiError(await http().get('/v1/auth/me').set('X-Tenant-ID', bank.id), 401, 'unauthorized');
    });

    it('refuses a token whose tid was changed to another tenant', async () => {
      const [header, payload, signature] = (await tokenFor('ada@bank.test')).split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const forged = Buffer.from(JSON.stringify({ ...claims, tid: otherBank.id })).toString('base64url');
      expectApiError(
        await http().get('/v1/auth/me').set('Authorization', `Bearer ${header}.${forged}.${signature}`),
        401,
        'unauthorized',
      );
    });

    it('refuses alg none, an unknown kid, an expired token and garbage', async () => {
      const now = Math.floor(Date.now() / 1000);
      // A real session: a token naming one that does not stand is refused whatever its signature.
      const { sessionId } = (await login('ada@bank.test', PASSWORD).expect(200)).body as {
        sessionId: string;
      };
      const claims = {
        sub: adaId,
        tid: bank.id,
        // The user's real role: a token claiming another one is refused whatever its signature.
        role: 'OPERATOR',
        jti: 'x',
        sid: sessionId,
        iat: now - 1000,
        exp: now + 600,
        iss: 'tenantpay',
        aud: 'tenantpay-api',
      };
      const forge = (header: object, body: object, secret: string | null) => {
        const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
        return `${input}.${secret === null ? '' : createHmac('sha256', secret).update(input).digest('base64url')}`;
      };
      // The forging is faithful: the same claims signed with the real key are accepted.
      await http()
        .get('/v1/auth/me')
        .set('Authorization', `Bearer ${forge({ alg: 'HS256', kid: 'k1' }, claims, K1)}`)
        .expect(200);
      for (const token of [
        forge({ alg: 'none', kid: 'k1' }, claims, null),
        forge({ alg: 'HS256', kid: 'retired' }, claims, K1),
        forge({ alg: 'HS256', kid: 'k1' }, { ...claims, exp: now - 1 }, K1),
        forge({ alg: 'HS256', kid: 'k1' }, claims, 'c'.repeat(40)),
        'garbage',
      ]) {
        expectApiError(
          await http().get('/v1/auth/me').set('Authorization', `Bearer ${token}`),
          401,
          'unauthorized',
        );
      }
    });

    it("refuses a token of one tenant sent to another tenant's host or header (403 tenant_mismatch)", async () => {
      const token = await tokenFor('ada@bank.test');
      expectApiError(
        await http()
          .get('/v1/auth/me')
          .set('Authorization', `Bearer ${token}`)
          .set('X-Tenant-ID', otherBank.id),
        403,
        'tenant_mismatch',
      );
      expectApiError(
        await http()
          .get('/v1/auth/me')
          .set('Authorization', `Bearer ${token}`)
          .set('Host', `${otherBank.slug}.tenantpay.test`),
        403,
        'tenant_mismatch',
      );
    });

    it('stops serving a deactivated user even while their token has not expired', async () => {
      const id = await seedUser(app, bank, 'leaving@bank.test', TenantUserRole.Viewer);
      const token = await tokenFor('leaving@bank.test');
      await app
        .get(TenantContextService)
        .run(
          { tenant: bank, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 't' },
          () => app.get(UsersService).deactivate(id),
        );
      expectApiError(
        await http().get('/v1/auth/me').set('Authorization', `Bearer ${token}`),
        401,
        'unauthorized',
      );
    });
  });

  describe('platform users', () => {
    const platformLogin = (email: string, password: string) =>
      http().post('/v1/platform/auth/login').send({ email, password });

    it('log in without a tenant and see themselves at /v1/platform/auth/me', async () => {
      const { body } = await platformLogin('root@tenantpay.test', PASSWORD).expect(200);
      const me = await http()
        .get('/v1/platform/auth/me')
        .set('Authorization', `Bearer ${body.accessToken}`)
        .expect(200);
      expect(me.body).toEqual({
        kind: 'platform-user',
        id: expect.any(String),
        email: 'root@tenantpay.test',
        role: 'SUPER_ADMIN',
      });
    });

    it.each([
      ["the bank's subdomain", () => `${bank.slug}.tenantpay.test`],
      ['a custom domain', () => 'pay.bank.example'],
    ])(
      "are not signed in on a bank's host (%s): every public platform route answers 403, audited, unrun",
      async (_, hostOf) => {
        const host = hostOf();
        const sessionsBefore = await mongo.db.collection('platform_user_sessions').countDocuments();
        const onBankHost = (path: string, body: object) => http().post(path).set('Host', host).send(body);
        const routes: [string, object][] = [
          ['/v1/platform/auth/login', { email: 'root@tenantpay.test', password: PASSWORD }],
          ['/v1/platform/auth/login/mfa', { challengeToken: 'a'.repeat(40), code: '123456' }],
          ['/v1/platform/auth/refresh', { refreshToken: 'a'.repeat(40) }],
          [
            '/v1/platform/invitations/accept',
            { token: 'a'.repeat(40), password: 'a long enough password 1' },
          ],
          ['/v1/platform/auth/password-reset', { email: 'root@tenantpay.test' }],
          [
            '/v1/platform/auth/password-reset/confirm',
            { token: 'a'.repeat(40), password: 'another password 2' },
          ],
        ];
        for (const [path, body] of routes) {
          expectApiError(await onBankHost(path, body), 403, 'forbidden');
        }
        expect(await mongo.db.collection('platform_user_sessions').countDocuments()).toBe(sessionsBefore);
        const refusals = await mongo.db
          .collection('audit_events')
          .find({ action: 'platform.route_on_tenant_host', 'metadata.host': host })
          .toArray();
        expect(refusals.map((event) => event['resource'])).toEqual(
          routes.map(([path]) => ({ type: 'route', id: `POST ${path}` })),
        );
        expect(refusals.every((event) => event['tenantId'] === null)).toBe(true);
        expect(refusals.every((event) => event['actor']?.type === 'anonymous')).toBe(true);

        // The platform's own host still signs the operator in.
        await http()
          .post('/v1/platform/auth/login')
          .set('Host', 'admin.tenantpay.test')
          .send({ email: 'root@tenantpay.test', password: PASSWORD })
          .expect(200);
      },
    );

    it('fail like tenant users do', async () => {
      expectApiError(await platformLogin('root@tenantpay.test', 'wrong password'), 401, 'unauthorized');
      expectApiError(await platformLogin('ada@bank.test', PASSWORD), 401, 'unauthorized');
    });

    it('cannot use tenant routes, and tenant users cannot use platform routes', async () => {
      const platformToken = (await platformLogin('root@tenantpay.test', PASSWORD).expect(200)).body
        .accessToken as string;
      expectApiError(
        await http()
          .get('/v1/auth/me')
          .set('Authorization', `Bearer ${platformToken}`)
          .set('X-Tenant-ID', bank.id),
        403,
        'forbidden',
      );
      const tenantToken = await tokenFor('ada@bank.test');
      expectApiError(
        await http().get('/v1/platform/auth/me').set('Authorization', `Bearer ${tenantToken}`),
        403,
        'forbidden',
      );
    });
  });
});
