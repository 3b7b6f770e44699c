import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { PAYMENT_COLLECTION } from '@tenantpay/payments';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { Worker } from 'bullmq';
import { type CommandStartedEvent, ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { seedTenant } from './identity-test-app';
import { createPaymentsTestApp, newPayment, startInlineWorker, userToken } from './payments-test-app';
import { ShardTargetingProbe } from './support/shard-targeting-probe';
import { waitFor } from './support/tenancy-test-app';

/**
 * The product's queries, recorded as the app sends them over HTTP and through the worker, against the shard
 * keys the schemas declare: on a sharded cluster each would go to the shards holding one tenant's range,
 * never to every shard (and `npm run db:shard` shards exactly those keys).
 */
describe('every product query on a sharded tenant-owned collection is targeted', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order; close while Redis is still up.
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let probe: ShardTargetingProbe;
  let worker: Worker | undefined;
  let tenant: TenantSnapshot;
  let admin: { Authorization: string };
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const monitored = `${mongo.uri}${mongo.uri.includes('?') ? '&' : '?'}monitorCommands=true`;
    app = await createPaymentsTestApp(testAppConfig({ MONGODB_URI: monitored, REDIS_URL: redis.url }));
    probe = new ShardTargetingProbe(app);
    tenant = await seedTenant(app, Tier.Professional);
    admin = (await userToken(app, tenant, 'admin@shards.test', TenantUserRole.Admin)).auth;
  });

  it('targets payments, idempotency keys, batches, users and invitations by tenant', async () => {
    const created = await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
    const keyed = newPayment();
    await http()
      .post('/v1/payments')
      .set(admin)
      .set('Idempotency-Key', 'shard-key-1')
      .send(keyed)
      .expect(201);
    await http()
      .post('/v1/payments')
      .set(admin)
      .set('Idempotency-Key', 'shard-key-1')
      .send(keyed)
      .expect(201);
    await http().get('/v1/payments?limit=5&status=PENDING').set(admin).expect(200);
    await http()
      .get(`/v1/payments/${created.body.id as string}`)
      .set(admin)
      .expect(200);
    await http().get('/v1/payments/stats').set(admin).expect(200);
    const batch = await http()
      .post('/v1/payments/batches')
      .set(admin)
      .set('Idempotency-Key', 'shard-batch-1')
      .send({ payments: [newPayment(), newPayment()] })
      .expect(202);
    await http()
      .get(`/v1/payments/batches/${batch.body.id as string}`)
      .set(admin)
      .expect(200);
    await http()
      .get(`/v1/payments/batches/${batch.body.id as string}/items`)
      .set(admin)
      .expect(200);
    await http().get('/v1/auth/me').set(admin).expect(200);
    await http().get('/v1/users').set(admin).expect(200);
    await http()
      .post('/v1/invitations')
      .set(admin)
      .send({ email: 'viewer@shards.test', role: 'VIEWER' })
      .expect(201);

    worker = startInlineWorker(app);
    await waitFor(async () => {
      const response = await http()
        .get(`/v1/payments/${created.body.id as string}`)
        .set(admin);
      return response.body.status === 'COMPLETED';
    }, 60_000);
    await http()
      .post(`/v1/payments/${created.body.id as string}/refund`)
      .set(admin)
      .send({ amount: 100 })
      .expect(200);

    const exercised = [PAYMENT_COLLECTION, 'idempotency_records', 'payment_batches', 'users', 'invitations'];
    const seen = probe.collectionsSeen();
    expect(exercised.filter((collection) => !seen.has(collection))).toEqual([]);
    expect(probe.untargeted()).toEqual([]);
  }, 120_000);

  it('flags a query a mongos would send to every shard, and an upsert without the whole key', () => {
    const client = app.get<Connection>(getConnectionToken()).getClient();
    client.emit('commandStarted', {
      commandName: 'find',
      command: { find: PAYMENT_COLLECTION, filter: { status: 'PENDING' } },
    } as unknown as CommandStartedEvent);
    client.emit('commandStarted', {
      commandName: 'update',
      command: {
        update: PAYMENT_COLLECTION,
        updates: [{ q: { tenantId: new ObjectId(tenant.id) }, u: { $set: { status: 'X' } }, upsert: true }],
      },
    } as unknown as CommandStartedEvent);

    expect(probe.untargeted()).toEqual([
      'find payments: filter names no tenant',
      'update payments: updates[0] upserts without the whole shard key',
    ]);
  });
});
