import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditAction } from '@tenantpay/audit';
import { CrossTenantAccessException } from '@tenantpay/data-isolation';
import { SupportTokenStrategy } from '@tenantpay/identity';
import { ResolutionMethod, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { type Connection, Types } from 'mongoose';
import request from 'supertest';
import {
  asSuperAdmin,
  asUser,
  createTenancyTestApp,
  expectApiError,
  TEST_CREDENTIAL_HEADER,
} from './support/tenancy-test-app';

const REASON = 'Ticket #4711: customer reports a stuck payment';

describe('support sessions: time-boxed, read-only operator access into one tenant (issue 13 part 6)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    app = await createTenancyTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), {
      credentialStrategies: [SupportTokenStrategy],
    });
    tenantA = await create('support-bank-a');
    tenantB = await create('support-bank-b');
  });
  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  async function create(slug: string): Promise<string> {
    const response = await http()
      .post('/v1/admin/tenants')
      .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
      .send({ slug, name: slug, tier: 'ENTERPRISE' })
      .expect(201);
    return response.body.id as string;
  }
  const open = (tenantId: string, body: object = { reason: REASON }) =>
    http()
      .post(`/v1/admin/tenants/${tenantId}/support-sessions`)
      .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
      .send(body);
  const openToken = async (tenantId: string, body?: object) => {
    const response = await open(tenantId, body).expect(201);
    return {
      token: response.body.token as string,
      id: response.body.session.id as string,
      body: response.body,
    };
  };
  const withToken = (token: string) => ({
    get: (path: string) => http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      http().patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const auditOf = (tenantId: string, action: string) =>
    mongo.db
      .collection('audit_events')
      .find({ tenantId: new Types.ObjectId(tenantId), action })
      .toArray();

  describe('opening', () => {
    it('gives a super-admin a token bound to one tenant for at most 60 minutes, shown once', async () => {
      const before = Date.now();
      const { token, body } = await openToken(tenantA, { reason: REASON, durationMinutes: 45 });
      expect(token).toMatch(/^tps_/);
      expect(body.session).toMatchObject({
        tenantId: tenantA,
        operatorId: 'p-1',
        reason: REASON,
        endedAt: null,
      });
      const lifetime = new Date(body.session.expiresAt).getTime() - before;
      expect(lifetime).toBeGreaterThan(44 * 60_000);
      expect(lifetime).toBeLessThanOrEqual(45 * 60_000 + 60_000);
    });

    it('refuses more than 60 minutes, a missing or short reason, and unknown fields (400)', async () => {
      for (const body of [
        { reason: REASON, durationMinutes: 61 },
        { reason: REASON, durationMinutes: 0 },
        {},
        { reason: 'because' },
        { reason: REASON, role: 'ADMIN' },
      ]) {
        expectApiError(await open(tenantA, body), 400, 'validation_error');
      }
      expectApiError(await open('0123456789abcdef01234567'), 404, 'tenant_not_found');
    });

    it('is for super-admins only', async () => {
      const response = await http()
        .post(`/v1/admin/tenants/${tenantA}/support-sessions`)
        .set(TEST_CREDENTIAL_HEADER, asUser(tenantA))
        .send({ reason: REASON });
      expectApiError(response, 403, 'forbidden');
    });

    it("is on the tenant's own audit trail with the reason and the operator", async () => {
      const { id } = await openToken(tenantA);
      const page = await http()
        .get('/v1/audit-events')
        .query({ action: AuditAction.SupportSessionOpened })
        .set(TEST_CREDENTIAL_HEADER, asUser(tenantA))
        .expect(200);
      expect(page.body.data).toContainEqual(
        expect.objectContaining({
          action: AuditAction.SupportSessionOpened,
          actor: { type: 'platform-user', id: 'p-1' },
          resource: { type: 'support_session', id },
          metadata: expect.objectContaining({ reason: REASON, operatorId: 'p-1' }),
        }),
      );
      // …and not on another tenant's.
      const other = await http()
        .get('/v1/audit-events')
        .query({ action: AuditAction.SupportSessionOpened })
        .set(TEST_CREDENTIAL_HEADER, asUser(tenantB))
        .expect(200);
      expect(other.body.data).toEqual([]);
    });
  });

  describe('using the token', () => {
    it("reads the tenant's routes, including admin-only reads, and audits every use", async () => {
      const { token, id } = await openToken(tenantA);
      await withToken(token).get('/v1/users').expect(200);
      await withToken(token).get('/v1/audit-events').expect(200);
      const uses = await auditOf(tenantA, AuditAction.SupportSessionUsed);
      expect(uses.filter((event) => event['resource']?.id === id).map((event) => event['metadata'])).toEqual([
        { method: 'GET', path: '/v1/users' },
        { method: 'GET', path: '/v1/audit-events' },
      ]);
    });

    it('cannot write: every other method answers 403 support_session_read_only, and the attempt is audited', async () => {
      const { token, id } = await openToken(tenantA);
      const client = withToken(token);
      expectApiError(
        await client.post('/v1/users', { email: 'x@a.test', password: 'a-long-password-1', role: 'ADMIN' }),
        403,
        'support_session_read_only',
      );
      expectApiError(
        await client.patch('/v1/users/0123456789abcdef01234567/role', { role: 'ADMIN' }),
        403,
        'support_session_read_only',
      );
      expectApiError(await client.post(`/v1/support-sessions/${id}/end`), 403, 'support_session_read_only');
      const denied = (await auditOf(tenantA, AuditAction.SupportSessionUsed)).filter(
        (event) => event['resource']?.id === id && event['outcome'] === 'denied',
      );
      expect(denied).toHaveLength(3);
    });

    it('cannot reach another tenant or the platform routes', async () => {
      const { token } = await openToken(tenantA);
      expectApiError(
        await withToken(token).get('/v1/users').set('X-Tenant-ID', tenantB),
        403,
        'tenant_mismatch',
      );
      expectApiError(
        await withToken(token).get('/v1/users').set('Host', 'support-bank-b.tenantpay.test'),
        403,
        'tenant_mismatch',
      );
      expectApiError(await withToken(token).get('/v1/admin/tenants'), 403, 'forbidden');
    });

    it('is not an access token, and an altered token is refused (401)', async () => {
      const { token } = await openToken(tenantA);
      expectApiError(await withToken(token.slice('tps_'.length)).get('/v1/users'), 401, 'unauthorized');
      const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
      expectApiError(await withToken(altered).get('/v1/users'), 401, 'unauthorized');
    });

    it('stops working once its session has expired', async () => {
      const { token, id } = await openToken(tenantA, { reason: REASON, durationMinutes: 1 });
      await withToken(token).get('/v1/users').expect(200);
      await mongo.db
        .collection('support_sessions')
        .updateOne({ _id: new Types.ObjectId(id) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
      expectApiError(await withToken(token).get('/v1/users'), 401, 'unauthorized');
    });
  });

  describe("the tenant's admins", () => {
    it('list the active sessions into their tenant only, and end one: its token stops at the next request', async () => {
      const { token, id } = await openToken(tenantA);
      const listA = await http()
        .get('/v1/support-sessions')
        .set(TEST_CREDENTIAL_HEADER, asUser(tenantA))
        .expect(200);
      expect(listA.body.data).toContainEqual(
        expect.objectContaining({ id, reason: REASON, operatorId: 'p-1' }),
      );
      const listB = await http()
        .get('/v1/support-sessions')
        .set(TEST_CREDENTIAL_HEADER, asUser(tenantB))
        .expect(200);
      expect(listB.body.data.map((session: { id: string }) => session.id)).not.toContain(id);

      // Another tenant's admin cannot end it: it answers as a missing one.
      expectApiError(
        await http().post(`/v1/support-sessions/${id}/end`).set(TEST_CREDENTIAL_HEADER, asUser(tenantB)),
        404,
        'not_found',
      );
      expectApiError(
        await http()
          .post(`/v1/support-sessions/${id}/end`)
          .set(TEST_CREDENTIAL_HEADER, asUser(tenantA, 'VIEWER')),
        403,
        'forbidden',
      );
      await withToken(token).get('/v1/users').expect(200);

      const ended = await http()
        .post(`/v1/support-sessions/${id}/end`)
        .set(TEST_CREDENTIAL_HEADER, asUser(tenantA))
        .expect(200);
      expect(ended.body.endedAt).toEqual(expect.any(String));
      expectApiError(await withToken(token).get('/v1/users'), 401, 'unauthorized');
      const after = await http()
        .get('/v1/support-sessions')
        .set(TEST_CREDENTIAL_HEADER, asUser(tenantA))
        .expect(200);
      expect(after.body.data.map((session: { id: string }) => session.id)).not.toContain(id);
      expect(await auditOf(tenantA, AuditAction.SupportSessionEnded)).toContainEqual(
        expect.objectContaining({ resource: { type: 'support_session', id } }),
      );
    });
  });

  describe('the command wall', () => {
    it("keeps any code in a tenant's context to that tenant's own sessions, whichever way it reaches MongoDB", async () => {
      const { id } = await openToken(tenantB);
      const sessionOfB = new Types.ObjectId(id);
      const bankA = await app.get(TenantLookupService).findById(tenantA);
      if (bankA === null) throw new Error('tenant A was created in beforeAll');
      const sessions = () => app.get<Connection>(getConnectionToken()).db!.collection('support_sessions');
      const asBankA = <T>(work: () => Promise<T>): Promise<T> =>
        app
          .get(TenantContextService)
          .run(
            { tenant: bankA, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'wall' },
            work,
          );

      const attacks: (() => Promise<unknown>)[] = [
        () =>
          sessions()
            .find({ tenantId: new Types.ObjectId(tenantB) })
            .toArray(),
        () => sessions().findOne({ _id: sessionOfB }),
        () => sessions().updateOne({ _id: sessionOfB }, { $set: { expiresAt: new Date('2100-01-01') } }),
        () => sessions().insertOne({ tenantId: new Types.ObjectId(tenantB), operatorId: 'p-forged' }),
      ];
      for (const attack of attacks) {
        await expect(asBankA(attack)).rejects.toBeInstanceOf(CrossTenantAccessException);
      }
      const untouched = await mongo.db.collection('support_sessions').findOne({ _id: sessionOfB });
      expect(untouched?.['endedAt']).toBeNull();
      expect((untouched?.['expiresAt'] as Date).getTime()).toBeLessThan(Date.now() + 61 * 60_000);
      expect(await mongo.db.collection('support_sessions').countDocuments({ operatorId: 'p-forged' })).toBe(
        0,
      );
      const own = await asBankA(() =>
        sessions()
          .find({ tenantId: new Types.ObjectId(tenantA) })
          .toArray(),
      );
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((session) => String(session['tenantId']) === tenantA)).toBe(true);
    });
  });
});
