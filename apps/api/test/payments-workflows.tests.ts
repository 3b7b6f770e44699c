import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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
  let app: NestFastifyApplication;
  let enterprise: TenantSnapshot;
  let professional: TenantSnapshot;
  const users: Record<string, { id: string; auth: { Authorization: string } }> = {};
  const http = () => request(app.getHttpServer());
  const as = (who: string) => users[who]?.auth ?? {};

  /** A tier without the feature cannot use the route: its settings are written as a super-admin tool would. */
  async function setWorkflowDirectly(
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
    users['viewer'] = await userToken(app, enterprise, 'viewer@e.test', TenantUserRole.Viewer);
    await putWorkflow('admin', STANDARD_WORKFLOW).expect(200);
    await setWorkflowDirectly(professional, {
      allowedMethods: ['card'],
      amountLimits: [{ currency: 'EUR', approvalThreshold: 10 }],
    });
    // Seven users, each with a bcrypt hash and a login: slow on a busy machine.
  }, 60_000);

  const STANDARD_WORKFLOW = {
    allowedMethods: ['card', 'bank_transfer'],
    allowedCurrencies: ['EUR', 'KWD'],
    amountLimits: [{ currency: 'EUR', maxAmount: 1_000_000, approvalThreshold: 50_000 }],
  };
  const putWorkflow = (who: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    http().put('/v1/settings/payment-workflow').set(as(who)).set(headers).send(body);

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

  describe('GET and PUT /v1/settings/payment-workflow', () => {
    afterAll(async () => {
      await putWorkflow('admin', STANDARD_WORKFLOW).expect(200);
    });

    it('replaces the workflow at once: the next payment above the new threshold waits for approval', async () => {
      expect((await create('operator', newPayment({ amount: 20_001 })).expect(201)).body.status).toBe(
        'PENDING',
      );
      const workflow = {
        allowedMethods: ['card'],
        allowedCurrencies: ['EUR', 'JPY'],
        amountLimits: [
          { currency: 'EUR', maxAmount: 500_000, approvalThreshold: 20_000 },
          { currency: 'JPY', approvalThreshold: 200_000 },
        ],
      };
      expect((await putWorkflow('admin', workflow).expect(200)).body).toEqual(workflow);
      expect((await http().get('/v1/settings/payment-workflow').set(as('admin')).expect(200)).body).toEqual(
        workflow,
      );

      expect((await create('operator', newPayment({ amount: 20_001 })).expect(201)).body.status).toBe(
        'AWAITING_APPROVAL',
      );
      expect((await create('operator', newPayment({ amount: 20_000 })).expect(201)).body.status).toBe(
        'PENDING',
      );
      // Amounts are per currency: 20 001 yen are far below the yen threshold.
      expect(
        (await create('operator', newPayment({ amount: 20_001, currency: 'JPY' })).expect(201)).body.status,
      ).toBe('PENDING');
      const refused = await create('operator', newPayment({ amount: 1_000, currency: 'KWD' }));
      expectApiError(refused, 400, 'validation_error');
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'currency' })]);
    });

    it('audits each change with the rules before and after', async () => {
      await putWorkflow('admin', STANDARD_WORKFLOW).expect(200);
      await putWorkflow('admin', { allowedMethods: ['wallet'] }).expect(200);
      const page = await app.get(TenantContextService).run(
        {
          tenant: enterprise,
          resolvedBy: ResolutionMethod.TenantHeader,
          principal: null,
          requestId: 'test',
        },
        () => app.get(AuditService).search({ action: 'tenant.payment_workflow_changed' }, { limit: 1 }),
      );
      expect(page.data[0]).toEqual(
        expect.objectContaining({
          actor: expect.objectContaining({ id: users['admin']?.id }),
          metadata: { from: STANDARD_WORKFLOW, to: { allowedMethods: ['wallet'] } },
        }),
      );
    });

    it.each([
      ['an unknown method', { allowedMethods: ['cash'] }, 'allowedMethods'],
      ['a currency that is not ISO 4217', { allowedCurrencies: ['EURO'] }, 'allowedCurrencies'],
      ['an empty allow-list, which would refuse every payment', { allowedMethods: [] }, 'allowedMethods'],
      ['a fractional amount', { amountLimits: [{ currency: 'EUR', maxAmount: 10.5 }] }, 'amountLimits'],
      ['a negative amount', { amountLimits: [{ currency: 'EUR', approvalThreshold: -1 }] }, 'amountLimits'],
      ['an amount as a string', { amountLimits: [{ currency: 'EUR', maxAmount: '100' }] }, 'amountLimits'],
      [
        'a threshold above the maximum',
        { amountLimits: [{ currency: 'EUR', maxAmount: 100, approvalThreshold: 101 }] },
        'amountLimits.0.approvalThreshold',
      ],
      [
        'amount rules for a currency that is not allowed',
        { allowedCurrencies: ['EUR'], amountLimits: [{ currency: 'USD', maxAmount: 100 }] },
        'amountLimits.0.currency',
      ],
      [
        'two rules for one currency',
        {
          amountLimits: [
            { currency: 'EUR', maxAmount: 100 },
            { currency: 'EUR', maxAmount: 200 },
          ],
        },
        'amountLimits.1.currency',
      ],
      ['an unknown field', { maxAmount: 100 }, 'maxAmount'],
    ])('refuses %s and keeps the rules it had', async (_name, body, field) => {
      const before = (await http().get('/v1/settings/payment-workflow').set(as('admin')).expect(200)).body;
      const response = await putWorkflow('admin', body);
      expectApiError(response, 400, 'validation_error');
      expect(JSON.stringify(response.body.details)).toContain(field);
      expect((await http().get('/v1/settings/payment-workflow').set(as('admin')).expect(200)).body).toEqual(
        before,
      );
    });

    it.each(['viewer', 'operator'])('refuses the %s role', async (who) => {
      expectApiError(await putWorkflow(who, STANDARD_WORKFLOW), 403, 'forbidden');
      expectApiError(await http().get('/v1/settings/payment-workflow').set(as(who)), 403, 'forbidden');
    });

    it('refuses a PROFESSIONAL tenant: custom workflows are ENTERPRISE', async () => {
      expectApiError(await putWorkflow('proAdmin', STANDARD_WORKFLOW), 403, 'feature_not_in_tier');
    });

    it("cannot be pointed at another tenant's settings", async () => {
      expectApiError(
        await putWorkflow('admin', { allowedMethods: ['wallet'] }, { 'X-Tenant-ID': professional.id }),
        403,
        'tenant_mismatch',
      );
      const stored = await mongo.db.collection('tenants').findOne({ _id: new ObjectId(professional.id) });
      expect(stored?.['settings']?.paymentWorkflow?.allowedMethods).toEqual(['card']);
    });
  });
});
