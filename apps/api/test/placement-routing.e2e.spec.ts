import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  TenantOwnedDataService,
  TransactionPlacementMismatchException,
  TransactionService,
} from '@tenantpay/data-isolation';
import { TenantUserRole } from '@tenantpay/identity';
import { PAYMENT_COLLECTION } from '@tenantpay/payments';
import { MoveWriteRegistry, PlacementConnectionOpener, PlacementConnections } from '@tenantpay/placement';
import {
  ResolutionMethod,
  TENANT_COLLECTION,
  TenantContextService,
  TenantLookupService,
  TenantNotFoundException,
  TenantPlacementMarker,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { ErrorCode } from '@tenantpay/platform';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { Worker } from 'bullmq';
import { Types } from 'mongoose';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { expectApiError, PASSWORD, seedPlatformUser, seedTenant } from './identity-test-app';
import {
  createPaymentsTestApp,
  newPayment,
  RecordingPorts,
  startInlineWorker,
  userToken,
} from './payments-test-app';

/**
 * Two databases of one test server stand for two clusters: tenant A stays on `shared` (MONGODB_URI), tenant B is
 * placed on `bank-b`; `bank-c` is configured and never needed. Everything goes over HTTP through the real API
 * and the payments worker; the databases are then read directly to see where each document landed.
 */
describe('tenant placement: routing under the wall (issue 21)', () => {
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });
  const shared = useTestMongo();
  const bankB = useTestMongo();
  const bankC = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let worker: Worker | undefined;
  let tenantA: TenantSnapshot;
  let tenantB: TenantSnapshot;
  let openings: string[];
  const auth: Record<'a' | 'b' | 'superAdmin', { Authorization: string }> = {} as never;
  const http = () => request(app.getHttpServer());
  const createPayment = (who: 'a' | 'b', body: Record<string, unknown>) =>
    http().post('/v1/payments').set(auth[who]).send(body).expect(201);

  beforeAll(async () => {
    app = await createPaymentsTestApp(
      testAppConfig({
        MONGODB_URI: shared.uri,
        REDIS_URL: redis.url,
        MONGODB_PLACEMENTS: JSON.stringify({ 'bank-b': bankB.uri, 'bank-c': bankC.uri }),
      }),
      new RecordingPorts(),
    );
    openings = [];
    const opener = app.get(PlacementConnectionOpener);
    const open = opener.open.bind(opener);
    jest.spyOn(opener, 'open').mockImplementation((uri) => {
      openings.push(uri === bankB.uri ? 'bank-b' : uri === bankC.uri ? 'bank-c' : uri);
      return open(uri);
    });

    tenantA = await seedTenant(app, Tier.Professional);
    // Enterprise: API keys are an Enterprise feature, and B's key must resolve from its placement.
    const seededB = await seedTenant(app, Tier.Enterprise);
    // Placed directly in the database (the move is not part of routing), then announced like any tenant change.
    await shared.db
      .collection(TENANT_COLLECTION)
      .updateOne({ _id: new Types.ObjectId(seededB.id) }, { $set: { placement: 'bank-b' } });
    await app.get(TenantLookupService).invalidate(seededB);
    const placedB = await app.get(TenantLookupService).findById(seededB.id);
    if (placedB === null) throw new Error('tenant B not found');
    tenantB = placedB;

    auth.a = (await userToken(app, tenantA, 'admin@a.test', TenantUserRole.Admin)).auth;
    expect(openings).toEqual([]);
    auth.b = (await userToken(app, tenantB, 'admin@b.test', TenantUserRole.Admin)).auth;
    await seedPlatformUser(app, 'ops@platform.test');
    const login = await http()
      .post('/v1/platform/auth/login')
      .send({ email: 'ops@platform.test', password: PASSWORD })
      .expect(200);
    auth.superAdmin = { Authorization: `Bearer ${login.body.accessToken as string}` };
  });

  it('shows the placement read-only in the super-admin tenant view', async () => {
    const [a, b] = await Promise.all(
      [tenantA, tenantB].map((tenant) => http().get(`/v1/admin/tenants/${tenant.id}`).set(auth.superAdmin)),
    );
    expect([a?.body.placement, b?.body.placement]).toEqual(['shared', 'bank-b']);
  });

  it('keeps each tenant’s users and payments on its own placement only', async () => {
    const createdA = await createPayment('a', newPayment({ amount: 1000, reference: 'same-ref' }));
    const createdB = await createPayment('b', newPayment({ amount: 500, reference: 'same-ref' }));
    const ownerOf = async (db: typeof shared.db) =>
      (await db.collection(PAYMENT_COLLECTION).find({}).toArray()).map((p) => String(p['tenantId']));
    expect(await ownerOf(shared.db)).toEqual([tenantA.id]);
    expect(await ownerOf(bankB.db)).toEqual([tenantB.id]);
    expect(await bankC.db.collection(PAYMENT_COLLECTION).countDocuments()).toBe(0);
    expect((await bankB.db.collection('users').find({}).toArray()).map((u) => String(u['tenantId']))).toEqual(
      [tenantB.id],
    );
    // Platform-owned collections stay shared.
    expect(await bankB.db.collection(TENANT_COLLECTION).countDocuments()).toBe(0);

    const listA = await http().get('/v1/payments').set(auth.a).expect(200);
    const listB = await http().get('/v1/payments').set(auth.b).expect(200);
    expect(listA.body.data.map((p: { id: string }) => p.id)).toEqual([createdA.body.id]);
    expect(listB.body.data.map((p: { id: string }) => p.id)).toEqual([createdB.body.id]);
    await http()
      .get(`/v1/payments/${createdB.body.id as string}`)
      .set(auth.a)
      .expect(404);
    await http()
      .get(`/v1/payments/${createdB.body.id as string}`)
      .set(auth.b)
      .expect(200);
  });

  it('never connects to a placement the tenant is not on', async () => {
    expect(openings).toEqual(['bank-b']);
    expect(app.get(PlacementConnections).openNames()).toEqual(['bank-b']);
    await createPayment('a', newPayment({ amount: 1000 }));
    await http().get('/v1/payments').set(auth.a).expect(200);
    expect(openings).toEqual(['bank-b']);
  });

  it('authenticates tenant B’s API key, which lives on B’s placement', async () => {
    const created = await http()
      .post('/v1/api-keys')
      .set(auth.b)
      .send({ name: 'server', scopes: ['payments:read'] })
      .expect(201);
    expect(await bankB.db.collection('api_keys').countDocuments()).toBe(1);
    expect(await shared.db.collection('api_keys').countDocuments()).toBe(0);
    const listed = await http()
      .get('/v1/payments')
      .set('X-API-Key', created.body.key as string)
      .expect(200);
    expect(listed.body.data.length).toBeGreaterThan(0);
    expect(openings).toEqual(['bank-b']);
  });

  it('processes tenant B’s payment in the worker on B’s placement', async () => {
    worker = startInlineWorker(app);
    const created = await createPayment('b', newPayment({ amount: 250 }));
    const id = new Types.ObjectId(created.body.id as string);
    await eventually(
      'the worker completes the payment on bank-b',
      async () =>
        (await bankB.db.collection(PAYMENT_COLLECTION).findOne({ _id: id }))?.['status'] === 'COMPLETED',
    );
    expect(await shared.db.collection(PAYMENT_COLLECTION).countDocuments({ _id: id })).toBe(0);
  });

  it('merges both placements in the super-admin analytics', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const query = { from: today, to: today };
    const byTenant = await http()
      .get('/v1/admin/analytics/payments')
      .set(auth.superAdmin)
      .query({ ...query, group_by: 'tenant' })
      .expect(200);
    const figures = byTenant.body.data.map((row: Record<string, unknown>) => [row['tenantId'], row['count']]);
    expect(figures).toEqual(
      expect.arrayContaining([
        [tenantA.id, 2],
        [tenantB.id, 2],
      ]),
    );
    const byDay = await http()
      .get('/v1/admin/analytics/payments')
      .set(auth.superAdmin)
      .query({ ...query, group_by: 'day' })
      .expect(200);
    // One row for the day: the two placements' groups of the same day and currency summed.
    expect(byDay.body.data).toEqual([{ day: today, currency: 'EUR', count: 4, volume: 2750 }]);
    const top = await http()
      .get('/v1/admin/analytics/top-tenants')
      .set(auth.superAdmin)
      .query({ ...query, currency: 'EUR', limit: 1 })
      .expect(200);
    expect(top.body.data.map((row: Record<string, unknown>) => row['tenantId'])).toEqual([tenantA.id]);
  });

  it('reports each placement in readiness: open ones pinged, unneeded ones as not opened', async () => {
    let placements: unknown;
    await eventually('readiness lists the placements', async () => {
      const response = await http().get('/health/ready');
      placements = response.body?.details?.placements;
      return response.status === 200 && placements !== undefined;
    });
    expect(placements).toEqual({
      status: 'up',
      'bank-b': { status: 'up' },
      'bank-c': { status: 'not_opened' },
    });
  });

  it('exports a dedicated tenant’s data for offboarding from its placement', async () => {
    const context = app.get(TenantContextService);
    const data = app.get(TenantOwnedDataService);
    const exported = await context.run(
      { tenant: tenantB, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'export' },
      async () => {
        const ids: string[] = [];
        for await (const payment of data.documents(PAYMENT_COLLECTION)) ids.push(String(payment['_id']));
        return ids;
      },
    );
    const onBankB = await bankB.db.collection(PAYMENT_COLLECTION).find({}).toArray();
    expect(exported.sort()).toEqual(onBankB.map((payment) => String(payment['_id'])).sort());
    expect(exported.length).toBeGreaterThan(0);
  });

  it('refuses a transaction that would span two placements', async () => {
    const context = app.get(TenantContextService);
    const transactions = app.get(TransactionService);
    const as = (tenant: TenantSnapshot) => ({
      tenant,
      resolvedBy: ResolutionMethod.TenantHeader,
      principal: null,
      requestId: 'placement-spec',
    });
    const attempt = context.run(as(tenantA), () =>
      transactions.withTransaction(() =>
        context.run(as({ ...tenantA, placement: 'bank-b' }), () =>
          transactions.withTransaction(async () => 'joined'),
        ),
      ),
    );
    await expect(attempt).rejects.toBeInstanceOf(TransactionPlacementMismatchException);
  });

  it("refuses a moving tenant's writes over HTTP while its move is frozen, and never asks Redis for the others", async () => {
    const registry = app.get(MoveWriteRegistry);
    const flagMoving = (moving: boolean) => app.get(TenantPlacementMarker).setMoving(tenantA.id, moving);
    await flagMoving(true);
    await registry.open(tenantA.id, 'move-under-test', 'shared');
    try {
      await createPayment('a', newPayment({ amount: 100 }));
      await registry.freeze(tenantA.id);
      const refused = await http()
        .post('/v1/payments')
        .set(auth.a)
        .send(newPayment({ amount: 100 }));
      expectApiError(refused, 503, ErrorCode.TenantMoving);
      expect(refused.headers['retry-after']).toBe('2');
      // Tenant B is not moving: its write never consults the move's state (A's is frozen, B has none at all).
      await createPayment('b', newPayment({ amount: 100 }));
      await registry.thaw(tenantA.id);
      await createPayment('a', newPayment({ amount: 100 }));
    } finally {
      await registry.close(tenantA.id);
      await flagMoving(false);
    }
  });

  it('switches a placement only from the placement the move copied from, and only while flagged moving', async () => {
    const marker = app.get(TenantPlacementMarker);
    const lookup = app.get(TenantLookupService);
    const tenantC = await seedTenant(app, Tier.Professional);
    const placementOfC = async () => (await lookup.findById(tenantC.id))?.placement;

    expect(await marker.switchPlacement(tenantC.id, 'shared', 'bank-c')).toBe(false);
    await marker.setMoving(tenantC.id, true);
    expect((await lookup.findById(tenantC.id))?.moving).toBe(true);
    expect(await marker.switchPlacement(tenantC.id, 'bank-b', 'bank-c')).toBe(false);
    expect(await placementOfC()).toBe('shared');

    expect(await marker.switchPlacement(tenantC.id, 'shared', 'bank-c')).toBe(true);
    expect(await placementOfC()).toBe('bank-c');
    expect(await marker.switchPlacement(tenantC.id, 'shared', 'bank-c')).toBe(false);
    await marker.setMoving(tenantC.id, false);
    expect((await lookup.findById(tenantC.id))?.moving).toBe(false);
    await expect(marker.setMoving(new Types.ObjectId().toHexString(), true)).rejects.toBeInstanceOf(
      TenantNotFoundException,
    );
  });

  it('looks an API key up on its own tenant’s placement only, and still finds a key made before keys named it', async () => {
    const lookup = app.get(TenantLookupService);
    const seededD = await seedTenant(app, Tier.Enterprise);
    await shared.db
      .collection(TENANT_COLLECTION)
      .updateOne({ _id: new Types.ObjectId(seededD.id) }, { $set: { placement: 'bank-c' } });
    await lookup.invalidate(seededD);
    const tenantD = await lookup.findById(seededD.id);
    if (tenantD === null) throw new Error('tenant D not found');
    const adminD = (await userToken(app, tenantD, 'admin@d.test', TenantUserRole.Admin)).auth;
    const created = await http()
      .post('/v1/api-keys')
      .set(adminD)
      .send({ name: 'server', scopes: ['payments:read'] })
      .expect(201);
    expect(created.body.key).toMatch(new RegExp(`^tp_live_${tenantD.id}_`));

    // Bank B's placement (configured first, and open) is neither opened nor asked for bank D's key.
    const connections = app.get(PlacementConnections);
    const asked = jest.spyOn(connections, 'connectionFor');
    try {
      await http()
        .get('/v1/payments')
        .set('X-API-Key', created.body.key as string)
        .expect(200);
      expect(new Set(asked.mock.calls.map(([placement]) => placement))).toEqual(new Set(['bank-c']));
    } finally {
      asked.mockRestore();
    }

    // A key of the old format (no tenant in its prefix) is still searched for across placements.
    const legacyKey = `tp_live_Legacy01_${'k'.repeat(43)}`;
    const keyOfB = await bankB.db.collection('api_keys').findOne({});
    if (keyOfB === null) throw new Error('tenant B has no key');
    await bankB.db.collection('api_keys').insertOne({
      ...keyOfB,
      _id: new Types.ObjectId(),
      prefix: 'Legacy01',
      hash: createHash('sha256').update(legacyKey).digest('hex'),
    });
    await http().get('/v1/payments').set('X-API-Key', legacyKey).expect(200);
  });
});
