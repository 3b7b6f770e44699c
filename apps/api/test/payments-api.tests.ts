import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import { expectApiError, seedTenant } from './identity-test-app';
import { createPaymentsTestApp, newPayment, RecordingPorts, userToken } from './payments-test-app';

describe('payments API: /v1/payments', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order; close while Redis is still up.
  afterAll(async () => {
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const ports = new RecordingPorts();
  let app: NestFastifyApplication;
  let starter: TenantSnapshot;
  let other: TenantSnapshot;
  let professional: TenantSnapshot;
  const auth: Record<string, { Authorization: string }> = {};
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createPaymentsTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), ports);
    starter = await seedTenant(app, Tier.Starter);
    other = await seedTenant(app, Tier.Starter);
    professional = await seedTenant(app, Tier.Professional);
    auth['admin'] = (await userToken(app, starter, 'admin@s.test', TenantUserRole.Admin)).auth;
    auth['operator'] = (await userToken(app, starter, 'operator@s.test', TenantUserRole.Operator)).auth;
    auth['viewer'] = (await userToken(app, starter, 'viewer@s.test', TenantUserRole.Viewer)).auth;
    auth['otherAdmin'] = (await userToken(app, other, 'admin@o.test', TenantUserRole.Admin)).auth;
    auth['proAdmin'] = (await userToken(app, professional, 'admin@p.test', TenantUserRole.Admin)).auth;
  });

  const create = (who: string, body: Record<string, unknown>) =>
    http()
      .post('/v1/payments')
      .set(auth[who] ?? {})
      .send(body);

  describe('create', () => {
    it('creates a PENDING payment in integer minor units with its first status change', async () => {
      const response = await create(
        'operator',
        newPayment({ amount: 12345, currency: 'KWD', metadata: { order: 'A-1' } }),
      ).expect(201);
      expect(response.body).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          object: 'payment',
          amount: 12345,
          currency: 'KWD',
          amountDecimal: '12.345',
          method: 'card',
          status: 'PENDING',
          refundedAmount: 0,
          metadata: { order: 'A-1' },
          createdBy: { type: 'user', id: expect.any(String) },
        }),
      );
      expect(response.body.statusHistory).toEqual([
        expect.objectContaining({ from: null, to: 'PENDING', reason: 'created' }),
      ]);
      expect(ports.created).toContain(response.body.id);
      expect(response.body).not.toHaveProperty('tenantId');
    });

    it('respects zero-decimal currencies', async () => {
      const response = await create('operator', newPayment({ amount: 500, currency: 'jpy' })).expect(201);
      expect(response.body).toEqual(expect.objectContaining({ currency: 'JPY', amountDecimal: '500' }));
    });

    it.each([
      ['a float', { amount: 10.5 }],
      ['a negative amount', { amount: -100 }],
      ['zero', { amount: 0 }],
      ['too many digits', { amount: 10_000_000_000_000 }],
      ['an amount beyond safe integers', { amount: 1e21 }],
      ['an amount as a string', { amount: '1050' }],
      ['an unknown currency', { currency: 'XYZ' }],
      ['a non-payable ISO code', { currency: 'XAU' }],
      ['a malformed currency', { currency: 'EURO' }],
      ['an unknown method', { method: 'cash' }],
      [
        'oversized metadata',
        { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) },
      ],
      ['non-string metadata values', { metadata: { nested: { a: 1 } } }],
      ['an unknown field', { tenantId: '0'.repeat(24) }],
      ['an operator smuggled into the reference', { reference: { $gt: '' } }],
    ])('refuses %s with 400 and creates nothing', async (_name, override) => {
      const before = await mongo.db.collection('payments').countDocuments();
      const response = await create('operator', newPayment(override));
      expectApiError(response, 400, 'validation_error');
      expect(await mongo.db.collection('payments').countDocuments()).toBe(before);
    });

    it('refuses a duplicate reference in the same tenant but not in another tenant', async () => {
      const body = newPayment({ reference: 'INV-2024-001' });
      await create('operator', body).expect(201);
      expectApiError(await create('admin', body), 409, 'conflict');
      await create('otherAdmin', body).expect(201);
    });

    it('lets viewers read but not create', async () => {
      expectApiError(await create('viewer', newPayment()), 403, 'forbidden');
    });

    it('refuses anonymous callers', async () => {
      expectApiError(
        await http().post('/v1/payments').set('X-Tenant-ID', starter.id).send(newPayment()),
        401,
        'unauthorized',
      );
    });

    it('answers 429 quota_exceeded when the quota port refuses, and creates nothing', async () => {
      ports.refuseQuota = true;
      try {
        const before = await mongo.db.collection('payments').countDocuments();
        expectApiError(await create('operator', newPayment()), 429, 'quota_exceeded');
        expect(await mongo.db.collection('payments').countDocuments()).toBe(before);
      } finally {
        ports.refuseQuota = false;
      }
    });
  });

  describe('get', () => {
    it("answers another tenant's payment exactly like a missing one", async () => {
      const mine = await create('operator', newPayment()).expect(201);
      const foreign = await http()
        .get(`/v1/payments/${mine.body.id}`)
        .set(auth['otherAdmin'] ?? {});
      const missing = await http()
        .get(`/v1/payments/${'f'.repeat(24)}`)
        .set(auth['otherAdmin'] ?? {});
      const malformed = await http()
        .get('/v1/payments/not-an-id')
        .set(auth['otherAdmin'] ?? {});
      for (const response of [foreign, missing, malformed]) expectApiError(response, 404, 'not_found');
      expect(foreign.body.message).toBe(missing.body.message);
      await http()
        .get(`/v1/payments/${mine.body.id}`)
        .set(auth['viewer'] ?? {})
        .expect(200);
    });
  });

  describe('list', () => {
    let tenant: TenantSnapshot;
    let admin: { Authorization: string };
    beforeAll(async () => {
      tenant = await seedTenant(app, Tier.Starter);
      admin = (await userToken(app, tenant, 'lister@l.test', TenantUserRole.Admin)).auth;
      for (let i = 0; i < 25; i += 1) {
        await http()
          .post('/v1/payments')
          .set(admin)
          .send(
            newPayment({
              amount: 100 + i,
              currency: i % 2 === 0 ? 'EUR' : 'USD',
              method: i % 3 === 0 ? 'wallet' : 'card',
              reference: `L-${i}`,
            }),
          )
          .expect(201);
      }
    });
    const list = (query: Record<string, string | number>) =>
      http().get('/v1/payments').query(query).set(admin);

    it('pages newest first with has_more, without repeats or gaps, while new payments arrive', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await list({ limit: 7, ...(cursor ? { starting_after: cursor } : {}) }).expect(200);
        seen.push(...page.body.data.map((p: { reference: string }) => p.reference));
        pages += 1;
        // A payment created between pages is newer than everything listed: it must not shift later pages.
        await http()
          .post('/v1/payments')
          .set(admin)
          .send(newPayment({ reference: `NEW-${pages}` }))
          .expect(201);
        if (!page.body.has_more) break;
        cursor = page.body.data.at(-1).id;
      }
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `L-${24 - i}`));
      expect(pages).toBe(4);
    });

    it('pages backwards with ending_before', async () => {
      const first = await list({ limit: 5, reference: 'L-10' }).expect(200);
      const anchor = first.body.data[0].id as string;
      const newer = await list({ limit: 3, ending_before: anchor, currency: 'EUR' }).expect(200);
      expect(newer.body.data.map((p: { reference: string }) => p.reference)).toEqual([
        'L-16',
        'L-14',
        'L-12',
      ]);
      expect(newer.body.has_more).toBe(true);
    });

    it('filters by status, currency, method, reference, amount range and created range', async () => {
      const usd = await list({
        limit: 100,
        currency: 'usd',
        method: 'card',
        amount_gte: 105,
        amount_lte: 115,
      }).expect(200);
      expect(usd.body.data.map((p: { reference: string }) => p.reference)).toEqual([
        'L-13',
        'L-11',
        'L-7',
        'L-5',
      ]);
      expect((await list({ limit: 100, status: 'COMPLETED' }).expect(200)).body.data).toEqual([]);
      const future = new Date(Date.now() + 3600_000).toISOString();
      expect((await list({ limit: 100, created_gte: future }).expect(200)).body.data).toEqual([]);
      expect(
        (await list({ limit: 100, created_lte: future, reference: 'L-3' }).expect(200)).body.data,
      ).toHaveLength(1);
    });

    it.each([
      [{ limit: 0 }],
      [{ limit: 101 }],
      [{ limit: 'ten' }],
      [{ starting_after: 'nope' }],
      [{ status: 'DONE' }],
      [{ 'status[$ne]': 'PENDING' }],
      [{ starting_after: 'a'.repeat(24), ending_before: 'b'.repeat(24) }],
    ])('refuses bad list parameters %j', async (query) => {
      expectApiError(await list(query as Record<string, string>), 400, 'validation_error');
    });

    it("never lists another tenant's payments", async () => {
      const response = await http()
        .get('/v1/payments')
        .query({ limit: 100 })
        .set(auth['otherAdmin'] ?? {})
        .expect(200);
      expect(response.body.data.some((p: { reference: string }) => p.reference.startsWith('L-'))).toBe(false);
    });
  });

  describe('cancel and refund', () => {
    it('cancels a PENDING payment once; the second cancel is a conflict', async () => {
      const created = await create('operator', newPayment()).expect(201);
      const canceled = await http()
        .post(`/v1/payments/${created.body.id}/cancel`)
        .set(auth['operator'] ?? {})
        .send({})
        .expect(200);
      expect(canceled.body.status).toBe('CANCELED');
      expectApiError(
        await http()
          .post(`/v1/payments/${created.body.id}/cancel`)
          .set(auth['operator'] ?? {})
          .send({}),
        409,
        'conflict',
      );
    });

    it('refuses to refund a payment that was never captured', async () => {
      const created = await create('operator', newPayment()).expect(201);
      expectApiError(
        await http()
          .post(`/v1/payments/${created.body.id}/refund`)
          .set(auth['operator'] ?? {})
          .send({}),
        409,
        'conflict',
      );
    });
  });

  describe('stats and analytics', () => {
    it('gives every tier counts by status', async () => {
      const response = await http()
        .get('/v1/payments/stats')
        .set(auth['viewer'] ?? {})
        .expect(200);
      expect(response.body.countsByStatus.PENDING).toBeGreaterThan(0);
    });

    it('refuses analytics below PROFESSIONAL with feature_not_in_tier', async () => {
      expectApiError(
        await http()
          .get('/v1/payments/analytics')
          .query({ from: '2024-01-01', to: '2024-01-31' })
          .set(auth['admin'] ?? {}),
        403,
        'feature_not_in_tier',
      );
    });

    it('reports volume and counts by day, status, currency and method for PROFESSIONAL', async () => {
      const pro = auth['proAdmin'] ?? {};
      await http()
        .post('/v1/payments')
        .set(pro)
        .send(newPayment({ amount: 1000, currency: 'EUR' }))
        .expect(201);
      await http()
        .post('/v1/payments')
        .set(pro)
        .send(newPayment({ amount: 2000, currency: 'EUR' }))
        .expect(201);
      await http()
        .post('/v1/payments')
        .set(pro)
        .send(newPayment({ amount: 700, currency: 'JPY', method: 'wallet' }))
        .expect(201);
      const today = new Date().toISOString().slice(0, 10);
      const response = await http()
        .get('/v1/payments/analytics')
        .query({ from: today, to: today })
        .set(pro)
        .expect(200);
      expect(response.body.rows).toEqual([
        { day: today, status: 'PENDING', currency: 'EUR', method: 'card', count: 2, volume: 3000 },
        { day: today, status: 'PENDING', currency: 'JPY', method: 'wallet', count: 1, volume: 700 },
      ]);
      expect(response.body.byCurrency).toEqual([
        { currency: 'EUR', count: 2, volume: 3000 },
        { currency: 'JPY', count: 1, volume: 700 },
      ]);
      expectApiError(
        await http().get('/v1/payments/analytics').query({ from: today, to: '2020-01-01' }).set(pro),
        400,
        'validation_error',
      );
    });
  });
});
