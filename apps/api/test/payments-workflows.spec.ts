import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuditService } from '@tenantpay/audit';
import { TenantUserRole } from '@tenantpay/identity';
import {
  ResolutionMethod,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { expectApiError, seedTenant } from './identity-test-app';
import { createPaymentsTestApp, newPayment, RecordingPorts, userToken } from './payments-test-app';

describe('payments API: custom workflows and four-eyes approval (ENTERPRISE)', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order; close while Redis is still up.
  afterAll(async () => {
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const ports = new RecordingPorts();
  let app: NestExpressApplication;
  let enterprise: TenantSnapshot;
  let professional: TenantSnapshot;
  const users: Record<string, { id: string; auth: { Authorization: string } }> = {};
  const http = () => request(app.getHttpServer());
  const as = (who: string) => users[who]?.auth ?? {};

  /** Tenant settings are tenancy's; tests write them as a super-admin tool would, then drop the cached tenant. */
  async function setWorkflow(
    tenant: TenantSnapshot,
    paymentWorkflow: Record<string, unknown>,
  ): Promise<void> {
    await mongo.db
      .collection('tenants')
      .updateOne({ _id: new ObjectId(tenant.id) }, { $set: { 'settings.paymentWorkflow': paymentWorkflow } });
    await app.get(TenantLookupService).invalidate(tenant);
  }

  beforeAll(async () => {
    app = await createPaymentsTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), ports);
    enterprise = await seedTenant(app, Tier.Enterprise);
    professional = await seedTenant(app, Tier.Professional);
    users['admin'] = await userToken(app, enterprise, 'admin@e.test', TenantUserRole.Admin);
    users['secondAdmin'] = await userToken(app, enterprise, 'admin2@e.test', TenantUserRole.Admin);
    users['operator'] = await userToken(app, enterprise, 'operator@e.test', TenantUserRole.Operator);
    users['proAdmin'] = await userToken(app, professional, 'admin@p.test', TenantUserRole.Admin);
    users['proOperator'] = await userToken(app, professional, 'operator@p.test', TenantUserRole.Operator);
    await setWorkflow(enterprise, {
      allowedMethods: ['card', 'bank_transfer'],
      allowedCurrencies: ['EUR', 'KWD'],
      maxAmount: 1_000_000,
      approvalThreshold: 50_000,
    });
    await setWorkflow(professional, { allowedMethods: ['card'], approvalThreshold: 10 });
  });

  const create = (who: string, body: Record<string, unknown>) =>
    http().post('/v1/payments').set(as(who)).send(body);
  const decide = (who: string, id: string, decision: 'approve' | 'reject') =>
    http().post(`/v1/payments/${id}/${decision}`).set(as(who)).send({ note: 'checked' });
  const auditOf = async (id: string) => {
    const page = await app
      .get(TenantContextService)
      .run(
        { tenant: enterprise, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'test' },
        () => app.get(AuditService).search({}, { limit: 100 }),
      );
    return page.data
      .filter((event) => event.resource?.id === id)
      .map((event) => [event.action, event.outcome]);
  };

  it.each([
    ['a method the workflow does not allow', { method: 'wallet' }, 'method'],
    ['a currency the workflow does not allow', { currency: 'USD' }, 'currency'],
    ['an amount above the per-payment maximum', { amount: 1_000_001 }, 'amount'],
  ])('refuses %s', async (_name, override, field) => {
    const response = await create('operator', newPayment(override));
    expectApiError(response, 400, 'validation_error');
    expect(response.body.details).toEqual([expect.objectContaining({ field })]);
  });

  it('processes payments at or below the approval threshold at once', async () => {
    expect((await create('operator', newPayment({ amount: 50_000 })).expect(201)).body.status).toBe(
      'PENDING',
    );
  });

  it('holds a payment above the threshold until an ADMIN other than its creator approves it', async () => {
    const held = await create('admin', newPayment({ amount: 50_001 })).expect(201);
    expect(held.body.status).toBe('AWAITING_APPROVAL');
    const id = held.body.id as string;

    expectApiError(await decide('admin', id, 'approve'), 403, 'forbidden');
    expectApiError(await decide('operator', id, 'approve'), 403, 'forbidden');
    expect((await http().get(`/v1/payments/${id}`).set(as('admin')).expect(200)).body.status).toBe(
      'AWAITING_APPROVAL',
    );

    const approved = await decide('secondAdmin', id, 'approve').expect(200);
    expect(approved.body).toEqual(
      expect.objectContaining({
        status: 'PENDING',
        approval: expect.objectContaining({
          decision: 'approved',
          by: { type: 'user', id: users['secondAdmin']?.id },
          note: 'checked',
        }),
      }),
    );
    expectApiError(await decide('secondAdmin', id, 'approve'), 409, 'conflict');

    expect(await auditOf(id)).toEqual(
      expect.arrayContaining([
        ['payment.approved', 'denied'],
        ['payment.approved', 'success'],
      ]),
    );
  });

  it('lets another ADMIN reject a held payment, which is then final', async () => {
    const held = await create('operator', newPayment({ amount: 900_000 })).expect(201);
    const rejected = await decide('admin', held.body.id, 'reject').expect(200);
    expect(rejected.body.status).toBe('REJECTED');
    expectApiError(await decide('secondAdmin', held.body.id, 'approve'), 409, 'conflict');
    expectApiError(
      await http().post(`/v1/payments/${held.body.id}/cancel`).set(as('admin')).send({}),
      409,
      'conflict',
    );
  });

  it('an operator creator cannot get around four-eyes: only admins approve, and never their own', async () => {
    const held = await create('operator', newPayment({ amount: 60_000 })).expect(201);
    expectApiError(await decide('operator', held.body.id, 'reject'), 403, 'forbidden');
    await decide('admin', held.body.id, 'approve').expect(200);
  });

  it('API keys cannot approve', async () => {
    const key = await http()
      .post('/v1/api-keys')
      .set(as('admin'))
      .send({ name: 'k', scopes: ['payments:read', 'payments:write'] })
      .expect(201);
    const held = await create('operator', newPayment({ amount: 70_000 })).expect(201);
    expectApiError(
      await http()
        .post(`/v1/payments/${held.body.id}/approve`)
        .set('Authorization', `Bearer ${key.body.key}`)
        .send({}),
      403,
      'forbidden',
    );
  });

  it('a tier without custom workflows ignores workflow settings and refuses approval routes', async () => {
    const created = await create('proOperator', newPayment({ amount: 99_999, method: 'wallet' })).expect(201);
    expect(created.body.status).toBe('PENDING');
    expectApiError(await decide('proAdmin', created.body.id, 'approve'), 403, 'feature_not_in_tier');
  });
});
