import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { type Document, type Filter, ObjectId } from 'mongodb';
import request from 'supertest';
import { createIdentityTestApp, expectApiError, PASSWORD, seedTenant, seedUser } from './identity-test-app';
import { waitFor } from './support/tenancy-test-app';

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 30;
/** Longer than the retention, so a revoked session outlives its retention while its tokens could still be used. */
const SESSION_LIFETIME_DAYS = 90;
/** The engine's TTL monitor sweeps every second; a loaded machine may take much longer. */
const TTL_SWEEP_DEADLINE_MS = 30_000;
/** A test waits for up to three sweeps. Per test: identity.spec.ts runs other files' tests with the default. */
const PURGE_TEST_TIMEOUT_MS = 90_000;

describe('purge of ended credentials by MongoDB TTL indexes (issue 13)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let bank: TenantSnapshot;
  let adminToken: string;

  beforeAll(async () => {
    app = await createIdentityTestApp(
      testAppConfig({
        MONGODB_URI: mongo.uri,
        REDIS_URL: redis.url,
        ENDED_CREDENTIAL_RETENTION_DAYS: String(RETENTION_DAYS),
        SESSION_MAX_LIFETIME_SECONDS: String(SESSION_LIFETIME_DAYS * 86_400),
      }),
    );
    bank = await seedTenant(app, Tier.Professional);
    await seedUser(app, bank, 'admin@bank.test', TenantUserRole.Admin);
    adminToken = (await signIn('admin@bank.test')).accessToken;
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  async function signIn(
    email: string,
  ): Promise<{ accessToken: string; refreshToken: string; sessionId: string }> {
    const answer = await http()
      .post('/v1/auth/login')
      .set('X-Tenant-ID', bank.id)
      .send({ email, password: PASSWORD, refreshTokenDelivery: 'body' })
      .expect(200);
    return answer.body;
  }
  const logOut = (accessToken: string) =>
    http().post('/v1/auth/logout').set('Authorization', `Bearer ${accessToken}`).expect(204);
  const refresh = (refreshToken: string) =>
    http().post('/v1/auth/refresh').set('X-Tenant-ID', bank.id).send({ refreshToken });
  const collection = (name: string) => mongo.db.collection(name);
  const exists = async (name: string, filter: Filter<Document>) =>
    (await collection(name).countDocuments(filter)) === 1;

  /**
   * Lets `ms` pass for one stored document: every date it holds moves that far into the past, as if it had been
   * written that long ago. The engine's TTL monitor then judges it by the shifted `purgeAfter`.
   */
  async function age(name: string, filter: Filter<Document>, ms: number): Promise<void> {
    const document = await collection(name).findOne(filter);
    if (document === null) throw new Error(`nothing to age in ${name}`);
    const shifted: Record<string, Date> = {};
    for (const [field, value] of Object.entries(document))
      if (value instanceof Date) shifted[field] = new Date(value.getTime() - ms);
    await collection(name).updateOne({ _id: document['_id'] }, { $set: shifted });
  }
  const gone = (name: string, filter: Filter<Document>) =>
    waitFor(async () => !(await exists(name, filter)), TTL_SWEEP_DEADLINE_MS);

  it.each(['user_sessions', 'platform_user_sessions', 'invitations', 'password_resets'])(
    '%s has a TTL index that deletes each document once its purgeAfter has passed',
    async (name) => {
      // The platform sessions' collection exists once its model's indexes are built.
      await waitFor(
        async () => (await mongo.db.listCollections({ name }).toArray()).length === 1,
        TTL_SWEEP_DEADLINE_MS,
      );
      expect(await collection(name).indexes()).toContainEqual(
        expect.objectContaining({ key: { purgeAfter: 1 }, expireAfterSeconds: 0 }),
      );
    },
    PURGE_TEST_TIMEOUT_MS,
  );

  it(
    'keeps a revoked session while its refresh tokens could still be presented, then deletes it; live ones stay',
    async () => {
      const live = await signIn('admin@bank.test');
      const ended = await signIn('admin@bank.test');
      const rotated = await refresh(ended.refreshToken).expect(200);
      await logOut(rotated.body.accessToken);
      const canary = await signIn('admin@bank.test');
      await logOut(canary.accessToken);
      const endedId = { _id: new ObjectId(ended.sessionId) };
      const liveId = { _id: new ObjectId(live.sessionId) };
      const canaryId = { _id: new ObjectId(canary.sessionId) };

      const stored = await collection('user_sessions').findOne(endedId);
      expect(stored?.['revokedAt']).toBeInstanceOf(Date);
      expect((stored?.['purgeAfter'] as Date).getTime() - (stored?.['expiresAt'] as Date).getTime()).toBe(
        RETENTION_DAYS * DAY_MS,
      );

      // Revoked more than the retention period ago, but its lifetime is not over: kept, so a rotated-away refresh
      // token is still recognised as reuse. (The canary, past lifetime and retention, shows a sweep has run.)
      await age('user_sessions', endedId, (RETENTION_DAYS + 1) * DAY_MS);
      await age('user_sessions', canaryId, (SESSION_LIFETIME_DAYS + RETENTION_DAYS + 1) * DAY_MS);
      await gone('user_sessions', canaryId);
      expect(await exists('user_sessions', endedId)).toBe(true);
      expectApiError(await refresh(ended.refreshToken), 401, 'refresh_token_reused');

      // Its lifetime and then the retention are over: deleted; its tokens are now simply unknown.
      await age('user_sessions', endedId, SESSION_LIFETIME_DAYS * DAY_MS);
      await gone('user_sessions', endedId);
      expectApiError(await refresh(ended.refreshToken), 401, 'unauthorized');

      expect(await exists('user_sessions', liveId)).toBe(true);
      await refresh(live.refreshToken).expect(200);
    },
    PURGE_TEST_TIMEOUT_MS,
  );

  it(
    'deletes an invitation the retention period after it was revoked; a pending one is never deleted',
    async () => {
      const invite = async (email: string) =>
        (
          await http()
            .post('/v1/invitations')
            .set('Authorization', `Bearer ${adminToken}`)
            .send({ email, role: 'VIEWER' })
            .expect(201)
        ).body.id as string;
      const revoke = (id: string) =>
        http().post(`/v1/invitations/${id}/revoke`).set('Authorization', `Bearer ${adminToken}`).expect(200);
      const pendingId = { _id: new ObjectId(await invite('pending@bank.test')) };
      const revoked = await invite('revoked@bank.test');
      const canary = await invite('canary@bank.test');
      const revokedAt = Date.now();
      await revoke(revoked);
      await revoke(canary);
      const revokedId = { _id: new ObjectId(revoked) };
      const canaryId = { _id: new ObjectId(canary) };

      const stored = await collection('invitations').findOne(revokedId);
      expect(stored?.['status']).toBe('revoked');
      const purgeDelayMs = (stored?.['purgeAfter'] as Date).getTime() - revokedAt;
      expect(purgeDelayMs).toBeGreaterThanOrEqual(RETENTION_DAYS * DAY_MS);
      expect(purgeDelayMs).toBeLessThan(RETENTION_DAYS * DAY_MS + 60_000);
      expect((await collection('invitations').findOne(pendingId))?.['purgeAfter']).toBeNull();

      // Revoked a day short of the retention: kept. Pending for ten retention periods: kept too (its expiry, not a
      // deletion, gives its seat back). The canary, revoked past the retention, shows a sweep has run.
      await age('invitations', revokedId, (RETENTION_DAYS - 1) * DAY_MS);
      await age('invitations', pendingId, 10 * RETENTION_DAYS * DAY_MS);
      await age('invitations', canaryId, (RETENTION_DAYS + 1) * DAY_MS);
      await gone('invitations', canaryId);
      expect(await exists('invitations', revokedId)).toBe(true);

      await age('invitations', revokedId, 2 * DAY_MS);
      await gone('invitations', revokedId);
      expect(await exists('invitations', pendingId)).toBe(true);
    },
    PURGE_TEST_TIMEOUT_MS,
  );

  it(
    'deletes a password reset the retention period after its expiry, used or not; a fresh one stays',
    async () => {
      const resets = () =>
        collection('password_resets')
          .find({}, { sort: { _id: 1 } })
          .toArray();
      /** Asks for a reset and answers the one it issued (in the background, so the answer reveals nothing). */
      const requestReset = async (known: readonly Document[]): Promise<Document> => {
        await http()
          .post('/v1/auth/password-reset')
          .set('X-Tenant-ID', bank.id)
          .send({ email: 'admin@bank.test' })
          .expect(202);
        const isNew = (reset: Document) =>
          !known.some((other) => String(other['_id']) === String(reset['_id']));
        await waitFor(async () => (await resets()).some(isNew), TTL_SWEEP_DEADLINE_MS);
        const issued = (await resets()).find(isNew);
        if (issued === undefined) throw new Error('no reset issued');
        return issued;
      };
      const old = await requestReset([]);
      expect((old['purgeAfter'] as Date).getTime() - (old['expiresAt'] as Date).getTime()).toBe(
        RETENTION_DAYS * DAY_MS,
      );
      const oldId = { _id: old['_id'] };
      await age('password_resets', oldId, (RETENTION_DAYS + 1) * DAY_MS);
      // Long past the resend interval, so a second reset is issued (and voids the first: used or not, it goes).
      const fresh = await requestReset([old]);

      await gone('password_resets', oldId);
      expect(await exists('password_resets', { _id: fresh['_id'] })).toBe(true);
    },
    PURGE_TEST_TIMEOUT_MS,
  );
});
