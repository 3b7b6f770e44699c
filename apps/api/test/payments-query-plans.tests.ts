import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { IDEMPOTENCY_RECORD_COLLECTION, PAYMENT_COLLECTION } from '@tenantpay/payments';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { Worker } from 'bullmq';
import { MongoClient } from 'mongodb';
import request from 'supertest';
import { seedTenant } from './identity-test-app';
import { createPaymentsTestApp, newPayment, startInlineWorker, userToken } from './payments-test-app';
import { QueryPlanRecorder } from './support/query-plan-recorder';
import { waitFor } from './support/tenancy-test-app';

const PAYMENTS_PER_TENANT = 30;

/**
 * The product's hot queries, recorded as the app sends them and explained again: each must go through its
 * index and examine about as many documents as it returns, whatever else the collection holds (a second
 * tenant's payments here).
 */
describe('payments queries use their indexes', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order; close while Redis is still up.
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await client?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let client: MongoClient;
  let recorder: QueryPlanRecorder;
  let worker: Worker | undefined;
  let tenant: TenantSnapshot;
  const auth: Record<string, { Authorization: string }> = {};
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const monitored = `${mongo.uri}${mongo.uri.includes('?') ? '&' : '?'}monitorCommands=true`;
    app = await createPaymentsTestApp(testAppConfig({ MONGODB_URI: monitored, REDIS_URL: redis.url }));
    client = await MongoClient.connect(mongo.uri);
    recorder = new QueryPlanRecorder(app);
    tenant = await seedTenant(app, Tier.Professional);
    const other = await seedTenant(app, Tier.Professional);
    auth['tenant'] = (await userToken(app, tenant, 'admin@plans.test', TenantUserRole.Admin)).auth;
    auth['other'] = (await userToken(app, other, 'admin@other-plans.test', TenantUserRole.Admin)).auth;
    for (const who of ['tenant', 'other']) {
      for (let index = 0; index < PAYMENTS_PER_TENANT; index++) {
        await http()
          .post('/v1/payments')
          .set(auth[who] ?? {})
          .send(newPayment())
          .expect(201);
      }
    }
  });

  beforeEach(() => recorder.clear());

  async function explainOnly(collection: string, commandName: string) {
    const [recorded] = recorder.commandsOn(collection, commandName);
    if (recorded === undefined) throw new Error(`no ${commandName} on ${collection} was recorded`);
    return recorder.explain(client, recorded);
  }

  it('lists a tenant’s payments newest first from { tenantId, _id }, reading one page of it', async () => {
    await http()
      .get('/v1/payments?limit=5')
      .set(auth['tenant'] ?? {})
      .expect(200);

    const plan = await explainOnly(PAYMENT_COLLECTION, 'find');
    expect(plan).toMatchObject({ indexName: 'tenantId_1__id_1', direction: 'backward', returned: 6 });
    expect(plan.stages).toEqual(['LIMIT', 'FETCH', 'IXSCAN']);
    expect(plan.docsExamined).toBe(6);
  });

  it('lists by status from { tenantId, status, _id }', async () => {
    await http()
      .get('/v1/payments?limit=5&status=PENDING')
      .set(auth['tenant'] ?? {})
      .expect(200);

    const plan = await explainOnly(PAYMENT_COLLECTION, 'find');
    expect(plan).toMatchObject({ indexName: 'tenantId_1_status_1__id_-1', returned: 6, docsExamined: 6 });
  });

  it('looks an idempotency key up from { tenantId, key }', async () => {
    await http()
      .post('/v1/payments')
      .set(auth['tenant'] ?? {})
      .set('Idempotency-Key', 'plans-key-1')
      .send(newPayment())
      .expect(201);

    const plan = await explainOnly(IDEMPOTENCY_RECORD_COLLECTION, 'find');
    expect(plan.indexName).toBe('tenantId_1_key_1');
    expect(plan.docsExamined).toBeLessThanOrEqual(1);
  });

  it('moves a payment through its states in the worker with point lookups', async () => {
    const created = await http()
      .post('/v1/payments')
      .set(auth['tenant'] ?? {})
      .send(newPayment())
      .expect(201);
    worker = startInlineWorker(app);
    await waitFor(async () => {
      const response = await http()
        .get(`/v1/payments/${created.body.id as string}`)
        .set(auth['tenant'] ?? {});
      return !['PENDING', 'PROCESSING'].includes(response.body.status as string);
      // The payments created before this test are queued ahead of this one.
    }, 60_000);

    const transitions = recorder.commandsOn(PAYMENT_COLLECTION, 'findAndModify');
    expect(transitions.length).toBeGreaterThanOrEqual(2);
    for (const transition of transitions) {
      const plan = await recorder.explain(client, transition);
      expect(plan.stages).toContain('IXSCAN');
      expect(plan.keysExamined).toBeLessThanOrEqual(1);
      expect(plan.docsExamined).toBeLessThanOrEqual(1);
    }
  }, 90_000);
});
