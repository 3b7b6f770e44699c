import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole, TOTP_PERIOD_SECONDS, totpCodeAt } from '@tenantpay/identity';
import { REDIS_CLIENT } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type Redis from 'ioredis';
import { ObjectId } from 'mongodb';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  createIdentityTestApp,
  expectApiError,
  PASSWORD,
  seedPlatformUser,
  seedTenant,
  seedUser,
} from './identity-test-app';

/** Tests that hash passwords (argon2id, tens of ms each; more on a loaded machine). */
const HASHING_TIMEOUT_MS = 30_000;
const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

interface Enrolled {
  readonly email: string;
  readonly secret: string;
  readonly recoveryCodes: string[];
}

/**
 * Codes: an enrolment is confirmed with the current step's code and the next login uses the next step's
 * (both inside the accepted ±1 window even if a step boundary passes in between), so no test waits for time.
 */
describe('TOTP multi-factor over HTTP (issue 13)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let bank: TenantSnapshot;
  let otherBank: TenantSnapshot;

  beforeAll(async () => {
    app = await createIdentityTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }));
    bank = await seedTenant(app, Tier.Professional);
    otherBank = await seedTenant(app, Tier.Professional);
  }, HASHING_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
  });
  /** Every test logs in from 127.0.0.1 many times: the login limits are what only the lockout test is about. */
  async function forgetLoginAttempts(): Promise<void> {
    const keys = await app.get<Redis>(REDIS_CLIENT).keys('rl:*:login');
    if (keys.length > 0) await app.get<Redis>(REDIS_CLIENT).del(...keys);
  }
  beforeEach(forgetLoginAttempts);

  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const codeNow = (secret: string, steps = 0) => totpCodeAt(secret, Date.now() + steps * STEP_MS);
  const passwordLogin = (email: string, tenant: TenantSnapshot | null = bank, password = PASSWORD) =>
    tenant === null
      ? http().post('/v1/platform/auth/login').send({ email, password })
      : http().post('/v1/auth/login').set('X-Tenant-ID', tenant.id).send({ email, password });
  const mfaLogin = (body: Record<string, unknown>, tenant: TenantSnapshot | null = bank) =>
    tenant === null
      ? http().post('/v1/platform/auth/login/mfa').send(body)
      : http().post('/v1/auth/login/mfa').set('X-Tenant-ID', tenant.id).send(body);
  async function challengeFor(email: string, tenant: TenantSnapshot | null = bank): Promise<string> {
    const answer = await passwordLogin(email, tenant).expect(200);
    expect(answer.body).toEqual({
      mfaRequired: true,
      challengeToken: expect.stringMatching(/^tp_mfa_[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    return answer.body.challengeToken as string;
  }

  /** A new user of the tenant (or a new operator when tenant is null) with TOTP enrolled through the API. */
  async function enrolledUser(tenant: TenantSnapshot | null = bank): Promise<Enrolled> {
    const email = `u${randomBytes(4).toString('hex')}@bank.test`;
    if (tenant === null) await seedPlatformUser(app, email);
    else await seedUser(app, tenant, email, TenantUserRole.Operator);
    const prefix = tenant === null ? '/v1/platform/auth/mfa' : '/v1/auth/mfa';
    const token = (await passwordLogin(email, tenant).expect(200)).body.accessToken as string;
    const enrolment = await http().post(`${prefix}/totp`).set(bearer(token)).expect(200);
    expect(enrolment.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Tenantpay:.*secret=[A-Z2-7]+/);
    const secret = enrolment.body.secret as string;
    const confirmed = await http()
      .post(`${prefix}/totp/confirm`)
      .set(bearer(token))
      .send({ code: codeNow(secret) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    return { email, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  it('enrols: the secret is shown once and stored only encrypted; a wrong confirmation code changes nothing', async () => {
    const email = `u${randomBytes(4).toString('hex')}@bank.test`;
    const userId = await seedUser(app, bank, email, TenantUserRole.Viewer);
    const token = (await passwordLogin(email).expect(200)).body.accessToken as string;
    const { secret } = (await http().post('/v1/auth/mfa/totp').set(bearer(token)).expect(200)).body;

    const stored = await mongo.db.collection('users').findOne({ email });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored?.['mfa']).toEqual(
      expect.objectContaining({ secret: null, pendingSecret: expect.stringMatching(/^v1\./) }),
    );

    const wrong = String((Number(codeNow(secret)) + 1) % 1_000_000).padStart(6, '0');
    expectApiError(
      await http().post('/v1/auth/mfa/totp/confirm').set(bearer(token)).send({ code: wrong }),
      401,
      'invalid_mfa_code',
    );
    expect((await http().get('/v1/auth/mfa').set(bearer(token)).expect(200)).body).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    // Not yet active: the password alone still signs in.
    expect((await passwordLogin(email).expect(200)).body.accessToken).toEqual(expect.any(String));

    const { recoveryCodes } = (
      await http()
        .post('/v1/auth/mfa/totp/confirm')
        .set(bearer(token))
        .send({ code: codeNow(secret) })
        .expect(200)
    ).body;
    const activated = await mongo.db.collection('users').findOne({ email });
    expect(JSON.stringify(activated)).not.toContain(secret);
    for (const code of recoveryCodes as string[]) expect(JSON.stringify(activated)).not.toContain(code);
    expect((await http().get('/v1/auth/mfa').set(bearer(token)).expect(200)).body).toEqual(
      expect.objectContaining({ enabled: true, recoveryCodesLeft: 10 }),
    );
    expectApiError(await http().post('/v1/auth/mfa/totp').set(bearer(token)), 409, 'conflict');
    const actions = (
      await mongo.db
        .collection('audit_events')
        .find({ 'resource.id': userId, action: /^mfa\./ })
        .toArray()
    ).map((event) => event['action']);
    expect(actions).toEqual(['mfa.enrolment_started', 'mfa.code_failed', 'mfa.enabled']);
  });

  it('login with MFA: the password answers a challenge and no session; the code opens the session; a code is never accepted twice', async () => {
    const user = await enrolledUser();
    const sessionsBefore = await mongo.db.collection('user_sessions').countDocuments();
    const challenge = await challengeFor(user.email);
    expect(await mongo.db.collection('user_sessions').countDocuments()).toBe(sessionsBefore);

    const code = codeNow(user.secret, 1);
    const opened = await mfaLogin({ challengeToken: challenge, code, refreshTokenDelivery: 'body' }).expect(
      200,
    );
    expect(opened.body).toEqual(
      expect.objectContaining({
        accessToken: expect.any(String),
        sessionId: expect.any(String),
        refreshToken: expect.any(String),
      }),
    );
    await http().get('/v1/me').set(bearer(opened.body.accessToken)).expect(200);
    // The challenge is spent.
    expectApiError(await mfaLogin({ challengeToken: challenge, code }), 401, 'unauthorized');
    // The same code on a new challenge: a replay, refused.
    expectApiError(
      await mfaLogin({ challengeToken: await challengeFor(user.email), code }),
      401,
      'invalid_mfa_code',
    );
  });

  it('a challenge works only on its own tenant and kind of login, and garbage is refused in the error shape', async () => {
    const user = await enrolledUser();
    const challenge = await challengeFor(user.email);
    const code = codeNow(user.secret, 1);
    expectApiError(await mfaLogin({ challengeToken: challenge, code }, otherBank), 401, 'unauthorized');
    expectApiError(await mfaLogin({ challengeToken: challenge, code }, null), 401, 'unauthorized');
    expectApiError(await mfaLogin({ challengeToken: 'tp_mfa_nope', code }), 401, 'unauthorized');
    expectApiError(await mfaLogin({ challengeToken: challenge, code: '12ab56' }), 400, 'validation_error');
    expectApiError(await mfaLogin({ challengeToken: { $ne: null }, code }), 400, 'validation_error');
    // Still usable on its own tenant after all that.
    await mfaLogin({ challengeToken: challenge, code }).expect(200);
  });

  it('recovery codes: each opens one session, once; regenerating replaces them all', async () => {
    const user = await enrolledUser();
    const [first, second] = user.recoveryCodes as [string, string];
    const opened = await mfaLogin({
      challengeToken: await challengeFor(user.email),
      recoveryCode: first.toLowerCase(),
    }).expect(200);
    expectApiError(
      await mfaLogin({ challengeToken: await challengeFor(user.email), recoveryCode: first }),
      401,
      'invalid_mfa_code',
    );
    const token = opened.body.accessToken as string;
    expect((await http().get('/v1/auth/mfa').set(bearer(token)).expect(200)).body.recoveryCodesLeft).toBe(9);

    const regenerated = await http()
      .post('/v1/auth/mfa/recovery-codes')
      .set(bearer(token))
      .send({ code: codeNow(user.secret, 1) })
      .expect(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    expectApiError(
      await mfaLogin({ challengeToken: await challengeFor(user.email), recoveryCode: second }),
      401,
      'invalid_mfa_code',
    );
    // Two failures and three password steps so far count against the account (the lockout test's subject).
    await forgetLoginAttempts();
    await mfaLogin({
      challengeToken: await challengeFor(user.email),
      recoveryCode: regenerated.body.recoveryCodes[0],
    }).expect(200);
    const userId = (await mongo.db.collection('users').findOne({ email: user.email }))?._id.toHexString();
    expect(
      await mongo.db
        .collection('audit_events')
        .countDocuments({ action: 'auth.mfa_recovery_code_used', 'actor.id': userId }),
    ).toBe(2);
    expect(
      await mongo.db
        .collection('audit_events')
        .countDocuments({ action: 'mfa.recovery_codes_regenerated', 'actor.id': userId }),
    ).toBe(1);
  });

  it('wrong codes count against the account like wrong passwords: five attempts lock it, even for the right code', async () => {
    const user = await enrolledUser();
    // The enrolment's own password login succeeded (no factor yet); from here: 1 password step + 4 wrong codes.
    const challenge = await challengeFor(user.email);
    const right = codeNow(user.secret, 1);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    for (let attempt = 0; attempt < 4; attempt++)
      expectApiError(await mfaLogin({ challengeToken: challenge, code: wrong }), 401, 'invalid_mfa_code');
    expectApiError(await mfaLogin({ challengeToken: challenge, code: right }), 429, 'rate_limit_exceeded');
    expectApiError(await passwordLogin(user.email), 429, 'rate_limit_exceeded');
    expect(
      await mongo.db
        .collection('audit_events')
        .countDocuments({ action: 'mfa.code_failed', 'metadata.during': 'login' }),
    ).toBeGreaterThanOrEqual(4);
  });

  it('disabling needs a code or a recovery code, never the password alone; afterwards the password alone signs in again', async () => {
    const user = await enrolledUser();
    const token = (
      await mfaLogin({
        challengeToken: await challengeFor(user.email),
        code: codeNow(user.secret, 1),
      }).expect(200)
    ).body.accessToken as string;
    const disable = (body: object) => http().post('/v1/auth/mfa/disable').set(bearer(token)).send(body);
    // Whoever holds the password and a session (a stolen laptop, a phished password) cannot remove the factor.
    expectApiError(await disable({ password: PASSWORD }), 400, 'validation_error');
    expectApiError(await disable({}), 401, 'invalid_mfa_code');
    expectApiError(await disable({ recoveryCode: 'not-a-recovery-code' }), 401, 'invalid_mfa_code');
    expect((await http().get('/v1/auth/mfa').set(bearer(token)).expect(200)).body.enabled).toBe(true);
    await disable({ recoveryCode: user.recoveryCodes[0] }).expect(204);
    expect((await passwordLogin(user.email).expect(200)).body.accessToken).toEqual(expect.any(String));
    expect(
      await mongo.db.collection('audit_events').countDocuments({ action: 'mfa.disabled' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('platform users: the same enrolment, two-step login and replay refusal on the platform routes', async () => {
    const operator = await enrolledUser(null);
    const challenge = await challengeFor(operator.email, null);
    const code = codeNow(operator.secret, 1);
    expectApiError(await mfaLogin({ challengeToken: challenge, code }, bank), 401, 'unauthorized');
    const opened = await mfaLogin({ challengeToken: challenge, code }, null).expect(200);
    await http().get('/v1/platform/auth/me').set(bearer(opened.body.accessToken)).expect(200);
    expectApiError(
      await mfaLogin({ challengeToken: await challengeFor(operator.email, null), code }, null),
      401,
      'invalid_mfa_code',
    );
    const stored = await mongo.db.collection('platform_users').findOne({ email: operator.email });
    expect(JSON.stringify(stored)).not.toContain(operator.secret);
  });

  it('an API key has no second factor to manage', async () => {
    const enterprise = await seedTenant(app, Tier.Enterprise);
    await seedUser(app, enterprise, 'admin@enterprise.test', TenantUserRole.Admin);
    const token = (await passwordLogin('admin@enterprise.test', enterprise).expect(200)).body
      .accessToken as string;
    const key = await http()
      .post('/v1/api-keys')
      .set(bearer(token))
      .send({ name: 'ci', scopes: ['payments:read'] })
      .expect(201);
    expectApiError(await http().post('/v1/auth/mfa/totp').set(bearer(key.body.key)), 403, 'forbidden');
  });

  describe('mandatory MFA (ENTERPRISE)', () => {
    let enterprise: TenantSnapshot;
    let adminToken: string;

    beforeAll(async () => {
      enterprise = await seedTenant(app, Tier.Enterprise);
      await seedUser(app, enterprise, 'admin@mandatory.test', TenantUserRole.Admin);
      adminToken = (await passwordLogin('admin@mandatory.test', enterprise).expect(200)).body
        .accessToken as string;
    }, HASHING_TIMEOUT_MS);

    it('only an ENTERPRISE admin can require it, and the change is audited', async () => {
      const professionalAdmin = `a${randomBytes(4).toString('hex')}@bank.test`;
      await seedUser(app, bank, professionalAdmin, TenantUserRole.Admin);
      const professionalToken = (await passwordLogin(professionalAdmin).expect(200)).body
        .accessToken as string;
      expectApiError(
        await http().put('/v1/settings/security').set(bearer(professionalToken)).send({ mfaRequired: true }),
        403,
        'feature_not_in_tier',
      );
      await seedUser(app, enterprise, 'viewer@mandatory.test', TenantUserRole.Viewer);
      const viewerToken = (await passwordLogin('viewer@mandatory.test', enterprise).expect(200)).body
        .accessToken as string;
      expectApiError(
        await http().put('/v1/settings/security').set(bearer(viewerToken)).send({ mfaRequired: true }),
        403,
        'forbidden',
      );
      expectApiError(
        await http().put('/v1/settings/security').set(bearer(adminToken)).send({ mfaRequired: 'yes' }),
        400,
        'validation_error',
      );
      expect((await http().get('/v1/settings/security').set(bearer(adminToken)).expect(200)).body).toEqual({
        mfaRequired: false,
      });
      await http()
        .put('/v1/settings/security')
        .set(bearer(adminToken))
        .send({ mfaRequired: true })
        .expect(200);
      expect((await http().get('/v1/settings/security').set(bearer(adminToken)).expect(200)).body).toEqual({
        mfaRequired: true,
      });
      const changes = await mongo.db
        .collection('audit_events')
        .find({ action: 'tenant.mfa_requirement_changed', tenantId: new ObjectId(enterprise.id) })
        .toArray();
      expect(changes.map((event) => event['metadata'])).toEqual([{ from: 'false', to: 'true' }]);
      // Another tenant is not affected.
      expect((await passwordLogin(professionalAdmin).expect(200)).body.accessToken).toEqual(
        expect.any(String),
      );
    });

    it('a user without a factor gets an enrolment-only challenge: no session until enrolled, then the code signs in', async () => {
      await http()
        .put('/v1/settings/security')
        .set(bearer(adminToken))
        .send({ mfaRequired: true })
        .expect(200);
      const email = `u${randomBytes(4).toString('hex')}@mandatory.test`;
      await seedUser(app, enterprise, email, TenantUserRole.Operator);
      const answer = await passwordLogin(email, enterprise).expect(200);
      expect(answer.body).toEqual({
        mfaRequired: true,
        mfaEnrolmentRequired: true,
        challengeToken: expect.any(String),
        expiresAt: expect.any(String),
      });
      const challengeToken = answer.body.challengeToken as string;
      // The challenge is not a credential for any other route.
      expectApiError(await http().get('/v1/me').set(bearer(challengeToken)), 401, 'unauthorized');
      // Without enrolling, no code can pass.
      expectApiError(await mfaLogin({ challengeToken, code: '123456' }, enterprise), 409, 'conflict');
      // Another tenant's host cannot use it.
      expectApiError(
        await http().post('/v1/auth/login/mfa/enrol').set('X-Tenant-ID', bank.id).send({ challengeToken }),
        401,
        'unauthorized',
      );

      const enrolment = await http()
        .post('/v1/auth/login/mfa/enrol')
        .set('X-Tenant-ID', enterprise.id)
        .send({ challengeToken })
        .expect(200);
      const secret = enrolment.body.secret as string;
      const opened = await mfaLogin({ challengeToken, code: codeNow(secret) }, enterprise).expect(200);
      expect(opened.body.recoveryCodes).toHaveLength(10);
      await http().get('/v1/me').set(bearer(opened.body.accessToken)).expect(200);

      // From now on the ordinary second step, and the factor cannot be turned off while required.
      const next = await challengeFor(email, enterprise);
      const signedIn = await mfaLogin({ challengeToken: next, code: codeNow(secret, 1) }, enterprise).expect(
        200,
      );
      expectApiError(
        await http()
          .post('/v1/auth/mfa/disable')
          .set(bearer(signedIn.body.accessToken))
          .send({ code: codeNow(secret, 2) }),
        403,
        'forbidden',
      );
      // An admin lifts the requirement: a user without a factor signs in with the password alone again.
      await http()
        .put('/v1/settings/security')
        .set(bearer(adminToken))
        .send({ mfaRequired: false })
        .expect(200);
      const plain = `u${randomBytes(4).toString('hex')}@mandatory.test`;
      await seedUser(app, enterprise, plain, TenantUserRole.Viewer);
      expect((await passwordLogin(plain, enterprise).expect(200)).body.accessToken).toEqual(
        expect.any(String),
      );
    });
  });
});
