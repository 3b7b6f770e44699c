import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuditAction } from '@tenantpay/audit';
import { PAYMENT_COLLECTION } from '@tenantpay/payments';
import {
  CustomDomainStrategy,
  SubdomainStrategy,
  TENANT_RESOLUTION_STRATEGIES,
  TenantContextService,
  TenantHeaderStrategy,
  type TenantResolutionStrategy,
} from '@tenantpay/tenancy';
import {
  eventually,
  startHttpTestApplication,
  testAppConfig,
  useTestMongo,
  useTestRedis,
} from '@tenantpay/testing';
import { USAGE_CLOCK, UsageTrackerService } from '@tenantpay/usage';
import { randomUUID } from 'node:crypto';
import { type Connection, Types } from 'mongoose';
import request from 'supertest';
import { ApiModule } from '../src/api.module';
import {
  asApiKey,
  asSuperAdmin,
  asUser,
  expectApiError,
  TEST_CREDENTIAL_HEADER,
  TestCredentialStrategy,
  waitFor,
} from './support/tenancy-test-app';

const RANGE = { from: '2025-03-01', to: '2025-03-02' };

/**
 * The same payments for every tenant (same references, statuses, days), amounts scaled by a per-tenant
 * factor, so a figure that mixes tenants up or leaves one out cannot come out right by accident.
 */
const BASE_PAYMENTS = [
  { reference: 'p-1', amount: 1000, currency: 'EUR', status: 'COMPLETED', at: '2025-03-01T00:00:00.000Z' },
  { reference: 'p-2', amount: 500, currency: 'EUR', status: 'FAILED', at: '2025-03-01T12:00:00.000Z' },
  { reference: 'p-3', amount: 2000, currency: 'EUR', status: 'COMPLETED', at: '2025-03-02T23:59:59.999Z' },
  { reference: 'p-4', amount: 700, currency: 'USD', status: 'COMPLETED', at: '2025-03-02T10:00:00.000Z' },
  // Outside the range by a millisecond on either side, and a soft-deleted payment inside it.
  { reference: 'p-5', amount: 9000, currency: 'EUR', status: 'COMPLETED', at: '2025-02-28T23:59:59.999Z' },
  { reference: 'p-6', amount: 9000, currency: 'EUR', status: 'COMPLETED', at: '2025-03-03T00:00:00.000Z' },
  {
    reference: 'p-7',
    amount: 9000,
    currency: 'EUR',
    status: 'COMPLETED',
    at: '2025-03-01T08:00:00.000Z',
    deleted: true,
  },
];

describe('cross-tenant analytics: /v1/admin/analytics (SPEC §6, §10)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    @Module({ imports: [ApiModule.forRoot(config)] })
    class AnalyticsTestApiModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AnalyticsTestApiModule] })
      .overrideProvider(TENANT_RESOLUTION_STRATEGIES)
      .useFactory({
        inject: [TenantHeaderStrategy, SubdomainStrategy, CustomDomainStrategy],
        factory: (...strategies: TenantResolutionStrategy[]) => [new TestCredentialStrategy(), ...strategies],
      })
      .overrideProvider(USAGE_CLOCK)
      .useValue({ now: () => new Date('2025-03-20T08:00:00Z') })
      .compile();
    app = await startHttpTestApplication(moduleRef);
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, credential = asSuperAdmin()) =>
    request(app.getHttpServer()).get(`/v1/admin/analytics${path}`).set(TEST_CREDENTIAL_HEADER, credential);
  const createTenant = async (slug: string, tier: string) =>
    (
      await request(app.getHttpServer())
        .post('/v1/admin/tenants')
        .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
        .send({ slug, name: `Tenant ${slug}`, tier })
        .expect(201)
    ).body as { id: string };

  let starterA: { id: string };
  let starterB: { id: string };
  let pro: { id: string };
  let enterprise: { id: string };
  beforeAll(async () => {
    starterA = await createTenant('starter-a', 'STARTER');
    starterB = await createTenant('starter-b', 'STARTER');
    pro = await createTenant('pro-bank', 'PROFESSIONAL');
    enterprise = await createTenant('big-bank', 'ENTERPRISE');
    const factors: [{ id: string }, number][] = [
      [starterA, 1],
      [starterB, 4],
      [pro, 3],
      [enterprise, 2],
    ];
    // Straight into the collection (in the platform scope: the command wall refuses tenant data outside one):
    // the analytics read createdAt, which the API always sets to now.
    await new TenantContextService().runAsPlatform('test setup', () =>
      app
        .get<Connection>(getConnectionToken())
        .collection(PAYMENT_COLLECTION)
        .insertMany(
          factors.flatMap(([tenant, factor]) =>
            BASE_PAYMENTS.map((payment) => ({
              tenantId: new Types.ObjectId(tenant.id),
              reference: payment.reference,
              amount: payment.amount * factor,
              currency: payment.currency,
              method: 'card',
              status: payment.status,
              statusHistory: [],
              createdAt: new Date(payment.at),
              updatedAt: new Date(payment.at),
              deletedAt: payment.deleted === true ? new Date(payment.at) : null,
              deletedBy: null,
            })),
          ),
        ),
    );
    const tracker = app.get(UsageTrackerService);
    for (const [tenant, transactions] of [
      [starterA, 250],
      [starterB, 900],
      [enterprise, 5000],
    ] as const) {
      await tracker.record({
        tenantId: tenant.id,
        period: '2025-03',
        eventId: `seed-${tenant.id}`,
        increments: { transactions },
        eventTtlSeconds: 60,
      });
    }
    // A write slower than the usage write budget (a loaded machine) is buffered and replayed by the drain.
    await eventually('the seeded usage written to Redis', async () => {
      await tracker.drain();
      return tracker.bufferedCount === 0;
    });
  });

  describe('GET /v1/admin/analytics/payments', () => {
    it('answers count and volume per tenant and currency, largest first, with the tenant’s details', async () => {
      const response = await get('/payments')
        .query({ ...RANGE, group_by: 'tenant' })
        .expect(200);
      const tenantRow = (tenant: { id: string }, slug: string, tier: string, eur: number, usd: number) => [
        {
          tenantId: tenant.id,
          tenantSlug: slug,
          tenantName: `Tenant ${slug}`,
          tier,
          currency: 'EUR',
          count: 3,
          volume: eur,
        },
        {
          tenantId: tenant.id,
          tenantSlug: slug,
          tenantName: `Tenant ${slug}`,
          tier,
          currency: 'USD',
          count: 1,
          volume: usd,
        },
      ];
      const [bEur, bUsd] = tenantRow(starterB, 'starter-b', 'STARTER', 14000, 2800);
      const [pEur, pUsd] = tenantRow(pro, 'pro-bank', 'PROFESSIONAL', 10500, 2100);
      const [eEur, eUsd] = tenantRow(enterprise, 'big-bank', 'ENTERPRISE', 7000, 1400);
      const [aEur, aUsd] = tenantRow(starterA, 'starter-a', 'STARTER', 3500, 700);
      expect(response.body).toEqual({
        ...RANGE,
        groupBy: 'tenant',
        data: [bEur, pEur, eEur, aEur, bUsd, pUsd, eUsd, aUsd],
        totals: [
          { currency: 'EUR', count: 12, volume: 35000 },
          { currency: 'USD', count: 4, volume: 7000 },
        ],
      });
    });

    it('sums per tier, counting the tenants of each tier', async () => {
      const response = await get('/payments')
        .query({ ...RANGE, group_by: 'tier' })
        .expect(200);
      expect(response.body.data).toEqual([
        { tier: 'STARTER', currency: 'EUR', tenants: 2, count: 6, volume: 17500 },
        { tier: 'STARTER', currency: 'USD', tenants: 2, count: 2, volume: 3500 },
        { tier: 'PROFESSIONAL', currency: 'EUR', tenants: 1, count: 3, volume: 10500 },
        { tier: 'PROFESSIONAL', currency: 'USD', tenants: 1, count: 1, volume: 2100 },
        { tier: 'ENTERPRISE', currency: 'EUR', tenants: 1, count: 3, volume: 7000 },
        { tier: 'ENTERPRISE', currency: 'USD', tenants: 1, count: 1, volume: 1400 },
      ]);
    });

    it('sums per status and per UTC day, never adding currencies together', async () => {
      const byStatus = await get('/payments')
        .query({ ...RANGE, group_by: 'status' })
        .expect(200);
      expect(byStatus.body.data).toEqual([
        { status: 'COMPLETED', currency: 'EUR', count: 8, volume: 30000 },
        { status: 'COMPLETED', currency: 'USD', count: 4, volume: 7000 },
        { status: 'FAILED', currency: 'EUR', count: 4, volume: 5000 },
      ]);
      const byDay = await get('/payments')
        .query({ ...RANGE, group_by: 'day' })
        .expect(200);
      expect(byDay.body.data).toEqual([
        { day: '2025-03-01', currency: 'EUR', count: 8, volume: 15000 },
        { day: '2025-03-02', currency: 'EUR', count: 4, volume: 20000 },
        { day: '2025-03-02', currency: 'USD', count: 4, volume: 7000 },
      ]);
    });

    it.each([
      ['to before from', { from: '2025-03-02', to: '2025-03-01', group_by: 'day' }, 'to'],
      ['a range over 366 days', { from: '2024-01-01', to: '2025-01-01', group_by: 'day' }, 'to'],
      ['a day that does not exist', { from: '2025-02-30', to: '2025-03-02', group_by: 'day' }, 'from'],
      [
        'a timestamp instead of a day',
        { from: '2025-03-01T00:00:00Z', to: '2025-03-02', group_by: 'day' },
        'from',
      ],
      ['an unknown grouping', { ...RANGE, group_by: 'method' }, 'group_by'],
      ['no grouping', RANGE, 'group_by'],
      [
        'an unknown parameter',
        { ...RANGE, group_by: 'day', tenantId: '0123456789abcdef01234567' },
        'tenantId',
      ],
    ])('refuses %s with 400', async (_label, query, field) => {
      const response = await get('/payments').query(query);
      expectApiError(response, 400, 'validation_error');
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('GET /v1/admin/analytics/top-tenants', () => {
    it('ranks tenants by volume in one currency, optionally of one status only', async () => {
      const all = await get('/top-tenants')
        .query({ ...RANGE, currency: 'eur', limit: 3 })
        .expect(200);
      expect(all.body).toEqual({
        ...RANGE,
        currency: 'EUR',
        status: null,
        data: [
          {
            rank: 1,
            tenantId: starterB.id,
            tenantSlug: 'starter-b',
            tenantName: 'Tenant starter-b',
            tier: 'STARTER',
            count: 3,
            volume: 14000,
          },
          {
            rank: 2,
            tenantId: pro.id,
            tenantSlug: 'pro-bank',
            tenantName: 'Tenant pro-bank',
            tier: 'PROFESSIONAL',
            count: 3,
            volume: 10500,
          },
          {
            rank: 3,
            tenantId: enterprise.id,
            tenantSlug: 'big-bank',
            tenantName: 'Tenant big-bank',
            tier: 'ENTERPRISE',
            count: 3,
            volume: 7000,
          },
        ],
      });
      const failed = await get('/top-tenants')
        .query({ ...RANGE, currency: 'EUR', status: 'FAILED' })
        .expect(200);
      expect(
        failed.body.data.map((row: { tenantId: string; volume: number }) => [row.tenantId, row.volume]),
      ).toEqual([
        [starterB.id, 2000],
        [pro.id, 1500],
        [enterprise.id, 1000],
        [starterA.id, 500],
      ]);
    });

    it('refuses a missing or unknown currency and an out-of-range limit with 400', async () => {
      expectApiError(await get('/top-tenants').query(RANGE), 400, 'validation_error');
      expectApiError(await get('/top-tenants').query({ ...RANGE, currency: 'XYZ' }), 400, 'validation_error');
      expectApiError(
        await get('/top-tenants').query({ ...RANGE, currency: 'EUR', limit: 0 }),
        400,
        'validation_error',
      );
    });
  });

  describe('GET /v1/admin/analytics/usage', () => {
    it('lists usage against effective limits, closest to the limit first, unlimited explicitly', async () => {
      const response = await get('/usage').query({ period: '2025-03' }).expect(200);
      expect(response.body.period).toBe('2025-03');
      expect(response.body.data).toEqual([
        expect.objectContaining({
          tenantId: starterB.id,
          transactions: { used: 900, limit: 1000, percentUsed: 90 },
        }),
        expect.objectContaining({
          tenantId: starterA.id,
          transactions: { used: 250, limit: 1000, percentUsed: 25 },
        }),
        expect.objectContaining({
          tenantId: pro.id,
          transactions: { used: 0, limit: 50000, percentUsed: 0 },
        }),
        {
          tenantId: enterprise.id,
          tenantSlug: 'big-bank',
          tenantName: 'Tenant big-bank',
          tier: 'ENTERPRISE',
          transactions: { used: 5000, limit: 'unlimited', percentUsed: null },
        },
      ]);
      expect(response.body.byTier).toEqual([
        { tier: 'STARTER', tenants: 2, unlimited: 0, reached: { '80': 1, '100': 0 } },
        { tier: 'PROFESSIONAL', tenants: 1, unlimited: 0, reached: { '80': 0, '100': 0 } },
        { tier: 'ENTERPRISE', tenants: 1, unlimited: 1, reached: { '80': 0, '100': 0 } },
      ]);
    });

    it('refuses a malformed or future period with 400', async () => {
      expectApiError(await get('/usage').query({ period: '03-2025' }), 400, 'validation_error');
      expectApiError(await get('/usage').query({ period: '2025-04' }), 400, 'validation_error');
    });
  });

  describe('access', () => {
    const routes = [
      `/payments?from=${RANGE.from}&to=${RANGE.to}&group_by=tenant`,
      `/top-tenants?from=${RANGE.from}&to=${RANGE.to}&currency=EUR`,
      '/usage?period=2025-03',
    ];

    it.each(routes)('refuses %s to tenant admins and API keys, whatever X-Tenant-ID says', async (route) => {
      expectApiError(await get(route, asUser(starterA.id, 'ADMIN')), 403, 'forbidden');
      for (const tenantId of [starterA.id, enterprise.id]) {
        const response = await get(route, asUser(starterA.id, 'ADMIN')).set('X-Tenant-ID', tenantId);
        expect(response.status).toBe(403);
        expect(response.body.data).toBeUndefined();
      }
      expectApiError(
        await get(route, asApiKey(enterprise.id, 'payments:read', 'usage:read')),
        403,
        'forbidden',
      );
      expectApiError(await get(route, 'platform:SUPPORT'), 403, 'forbidden');
      expectApiError(
        await request(app.getHttpServer()).get(`/v1/admin/analytics${route}`),
        401,
        'unauthorized',
      );
    });

    it.each([
      [routes[0], 'analytics: payment volume and counts across tenants', true],
      [routes[1], 'analytics: tenants ranked by payment volume', true],
      [routes[2], 'analytics: usage against limits across tenants', false],
    ])('audits every call of %s with its reason', async (route, reason, readsPayments) => {
      const requestId = randomUUID();
      await get(route ?? '')
        .set('X-Request-Id', requestId)
        .expect(200);
      const events = async (action: string) =>
        (
          await request(app.getHttpServer())
            .get('/v1/admin/audit-events')
            .query({ tenant_id: 'platform', action, limit: 100 })
            .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
            .expect(200)
        ).body.data.filter((event: { requestId: string }) => event.requestId === requestId);
      expect(await events(AuditAction.PlatformBypassUsed)).toEqual([
        expect.objectContaining({
          actor: { type: 'platform-user', id: 'p-1' },
          outcome: 'success',
          metadata: expect.objectContaining({ reason }),
        }),
      ]);
      if (!readsPayments) return;
      // Recorded without waiting for the audit write, so it may land just after the response.
      let accesses: unknown[] = [];
      await waitFor(async () => (accesses = await events(AuditAction.PlatformCrossTenantAccess)).length > 0);
      expect(accesses).toEqual([
        expect.objectContaining({
          metadata: expect.objectContaining({
            reason,
            operation: 'aggregate',
            collection: PAYMENT_COLLECTION,
          }),
        }),
      ]);
    });
  });
});
