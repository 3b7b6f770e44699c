import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { PAYMENT_GATEWAY, SimulatedPaymentGateway } from '@tenantpay/payments';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { Worker } from 'bullmq';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { expectApiError, seedTenant } from './identity-test-app';
import { waitFor } from './support/tenancy-test-app';
import {
  createPaymentsTestApp,
  newPayment,
  RecordingPorts,
  startInlineWorker,
  testPaymentsSettings,
  userToken,
} from './payments-test-app';

const LEASE_SECONDS = 1;
/**
 * How long a retry of a key whose request died may take. Before leases named their session, such a retry
 * waited for the dead request's transaction to reach the server's lifetime limit (60 s) and then got a 409.
 */
const TAKEOVER_ANSWER_LIMIT_MS = 10_000;

describe('payments API: Idempotency-Key', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order, and the worker must close while
  // Redis is still up (BullMQ would wait for a reconnect that never comes).
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const ports = new RecordingPorts();
  let app: NestFastifyApplication;
  let worker: Worker;
  let tenant: TenantSnapshot;
  let other: TenantSnapshot;
  let admin: { Authorization: string };
  let otherAdmin: { Authorization: string };
  let apiKey: { Authorization: string };
  const http = () => request(app.getHttpServer());
  const payments = () => mongo.db.collection('payments');
  const records = () => mongo.db.collection('idempotency_records');

  beforeAll(async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    // A one-second lease: requests here that take longer keep their claims only by their heartbeat.
    app = await createPaymentsTestApp(config, ports, {
      ...testPaymentsSettings(config),
      idempotencyLeaseSeconds: LEASE_SECONDS,
    });
    worker = startInlineWorker(app);
    tenant = await seedTenant(app, Tier.Enterprise);
    other = await seedTenant(app, Tier.Enterprise);
    admin = (await userToken(app, tenant, 'admin@i.test', TenantUserRole.Admin)).auth;
    otherAdmin = (await userToken(app, other, 'admin@o.test', TenantUserRole.Admin)).auth;
    const key = await http()
      .post('/v1/api-keys')
      .set(admin)
      .send({ name: 'server', scopes: ['payments:read', 'payments:write'] })
      .expect(201);
    apiKey = { Authorization: `Bearer ${key.body.key}` };
  });

  const post = (auth: Record<string, string>, key: string | undefined, body: object) => {
    const call = http().post('/v1/payments').set(auth);
    return (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
  };

  it('50 concurrent identical POSTs with one key: one payment, one charge, every answer identical or 409', async () => {
    const body = newPayment({ amount: 4200 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(apiKey, 'concurrent-key-1', body)),
    );

    const created = responses.filter((r) => r.status === 201);
    const inProgress = responses.filter((r) => r.status === 409);
    expect(created.length + inProgress.length).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const response of inProgress) expectApiError(response, 409, 'idempotency_in_progress');
    const first = created[0]?.body as { id: string };
    for (const response of created) expect(response.body).toEqual(first);
    expect(created.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    for (const r of created.filter((c) => c.headers['idempotent-replayed'] !== undefined)) {
      expect(r.headers['idempotent-replayed']).toBe('true');
    }

    expect(await payments().countDocuments({ reference: body['reference'] })).toBe(1);
    expect(ports.created.filter((id) => id === first.id)).toHaveLength(1);
    await waitFor(
      async () => (await http().get(`/v1/payments/${first.id}`).set(admin)).body.status === 'COMPLETED',
    );
    expect(await app.get<SimulatedPaymentGateway>(PAYMENT_GATEWAY).chargesMade(first.id)).toBe(1);

    // Once settled, a retry still replays the stored first answer (status and body), not the current state.
    const replay = await post(apiKey, 'concurrent-key-1', body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first);
    expect(ports.created.filter((id) => id === first.id)).toHaveLength(1);
  });

  it('same key with a different body: 422 idempotency_key_reused and nothing created', async () => {
    await post(admin, 'reused-key', newPayment({ reference: 'R-1' })).expect(201);
    const before = await payments().countDocuments();
    expectApiError(
      await post(admin, 'reused-key', newPayment({ reference: 'R-2' })),
      422,
      'idempotency_key_reused',
    );
    expect(await payments().countDocuments()).toBe(before);
    expect(await payments().countDocuments({ reference: 'R-2' })).toBe(0);
  });

  it('the same body with keys in another order is the same request', async () => {
    const first = await post(admin, 'order-key', {
      method: 'card',
      reference: 'ORD-1',
      currency: 'EUR',
      amount: 10,
    }).expect(201);
    const again = await post(admin, 'order-key', {
      amount: 10,
      currency: 'EUR',
      reference: 'ORD-1',
      method: 'card',
    }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it("another tenant's identical key is independent", async () => {
    const body = newPayment({ reference: 'SHARED-REF' });
    const mine = await post(admin, 'shared-key', body).expect(201);
    const theirs = await post(otherAdmin, 'shared-key', body).expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it("tenant B retrying with tenant A's key never sees A's payment: no replay, no 422, no 409", async () => {
    const ofA = await post(admin, 'key-of-a', newPayment({ amount: 1111 })).expect(201);
    // B sends A's key with another body: it would be a 422 if the key were A's record, a replay if the same body.
    const bodyOfB = newPayment({ amount: 2222 });
    const ofB = await post(otherAdmin, 'key-of-a', bodyOfB).expect(201);
    expect(ofB.headers['idempotent-replayed']).toBeUndefined();
    expect(ofB.body.id).not.toBe(ofA.body.id);
    expect(ofB.body.amount).toBe(2222);
    expect(JSON.stringify(ofB.body)).not.toContain(ofA.body.id);
    // B's retry replays B's own payment, never A's.
    const retry = await post(otherAdmin, 'key-of-a', bodyOfB);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(ofB.body.id);
    expectApiError(await http().get(`/v1/payments/${ofA.body.id}`).set(otherAdmin), 404, 'not_found');
  });

  it('requires a key from API-key callers, and accepts requests without one from users', async () => {
    const response = await post(apiKey, undefined, newPayment());
    expectApiError(response, 400, 'validation_error');
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    await post(admin, undefined, newPayment()).expect(201);
  });

  it('refuses malformed keys', async () => {
    expectApiError(await post(admin, 'x'.repeat(256), newPayment()), 400, 'validation_error');
  });

  it('a failed request releases its key: the retry runs again', async () => {
    ports.refuseQuota = true;
    try {
      expectApiError(
        await post(admin, 'retry-after-quota', newPayment({ reference: 'Q-1' })),
        429,
        'quota_exceeded',
      );
    } finally {
      ports.refuseQuota = false;
    }
    await post(admin, 'retry-after-quota', newPayment({ reference: 'Q-1' })).expect(201);
  });

  it('a duplicate reference under a new key is still a conflict, and releases that key', async () => {
    await post(admin, 'dup-1', newPayment({ reference: 'DUP' })).expect(201);
    expectApiError(await post(admin, 'dup-2', newPayment({ reference: 'DUP' })), 409, 'conflict');
    expect(await mongo.db.collection('idempotency_records').countDocuments({ key: 'dup-2' })).toBe(0);
  });

  it('stores records per tenant with an expiry, under a unique and a TTL index', async () => {
    const indexes = await mongo.db.collection('idempotency_records').indexes();
    expect(indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { tenantId: 1, key: 1 }, unique: true }),
        expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 }),
      ]),
    );
    const record = await mongo.db.collection('idempotency_records').findOne({ key: 'dup-1' });
    expect(record?.['tenantId']?.toHexString()).toBe(tenant.id);
    const ttlMs = (record?.['expiresAt'] as Date).getTime() - Date.now();
    expect(ttlMs).toBeGreaterThan(23 * 3600_000);
    expect(ttlMs).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('an expired record counts as absent: the key can be used again', async () => {
    await post(admin, 'expiring', newPayment({ reference: 'EXP-1' })).expect(201);
    await mongo.db
      .collection('idempotency_records')
      .updateOne({ key: 'expiring' }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const fresh = await post(admin, 'expiring', newPayment({ reference: 'EXP-2' })).expect(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a claim whose lease is still running answers 409 at once, with Retry-After when the lease would end', async () => {
    const body = newPayment({ reference: 'LEASE-1' });
    await post(admin, 'leased', body).expect(201);
    await payments().deleteOne({ reference: 'LEASE-1' });
    await records().updateOne(
      { key: 'leased' },
      { $set: { state: 'in_progress', lockToken: 'live', lockedUntil: new Date(Date.now() + 4_000) } },
    );

    const refused = await post(admin, 'leased', body);
    expectApiError(refused, 409, 'idempotency_in_progress');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(3);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(4);
    expect(await payments().countDocuments({ reference: 'LEASE-1' })).toBe(0);
  });

  it('a claim whose request died mid-transaction is taken over once its lease stops being renewed', async () => {
    const body = newPayment({ reference: 'CRASH-1' });
    const first = await post(admin, 'crashed', body).expect(201);
    // Rebuild what an API killed mid-request leaves behind: its claim in progress with a lease its heartbeat no
    // longer renews, and its open transaction holding the claim and the payment's reference, never committed.
    await payments().deleteOne({ reference: 'CRASH-1' });
    const dead = mongo.client.startSession();
    const holderSession = (dead.id?.['id'] as { toString(encoding: 'hex'): string }).toString('hex');
    await records().updateOne(
      { key: 'crashed' },
      {
        $set: {
          state: 'in_progress',
          lockToken: 'dead',
          lockedUntil: new Date(Date.now() - 1),
          holderSession,
          responseStatus: null,
          responseBody: null,
        },
      },
    );
    dead.startTransaction();
    await records().updateOne({ key: 'crashed' }, { $set: { lockToken: 'dead-2' } }, { session: dead });
    await payments().insertOne(
      { tenantId: new ObjectId(tenant.id), reference: 'CRASH-1', status: 'PENDING' },
      { session: dead },
    );

    const retried = await post(admin, 'crashed', body).timeout(TAKEOVER_ANSWER_LIMIT_MS).expect(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body.id).not.toBe(first.body.id);
    expect(await payments().countDocuments({ reference: 'CRASH-1' })).toBe(1);
    // The dead request's transaction was killed, not left to the server's lifetime limit.
    await expect(dead.commitTransaction()).rejects.toMatchObject({ codeName: 'NoSuchTransaction' });
    await dead.endSession();
    const replay = await post(admin, 'crashed', body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('a live request slower than its lease keeps its claim by its heartbeat: a retry meanwhile gets 409', async () => {
    const body = newPayment({ reference: 'SLOW-1' });
    ports.reserveDelayMs = 2_500 * LEASE_SECONDS;
    try {
      const slow = post(admin, 'slow', body).then((response) => response);
      await new Promise((resolve) => setTimeout(resolve, 1_600 * LEASE_SECONDS));
      const retry = await post(admin, 'slow', body);
      expectApiError(retry, 409, 'idempotency_in_progress');
      expect((await slow).status).toBe(201);
    } finally {
      ports.reserveDelayMs = 0;
    }
    expect(await payments().countDocuments({ reference: 'SLOW-1' })).toBe(1);
  });

  it('refunds are idempotent too, and never exceed the captured amount', async () => {
    const created = await post(admin, 'refund-base', newPayment({ amount: 1000 })).expect(201);
    const id = created.body.id as string;
    await waitFor(
      async () => (await http().get(`/v1/payments/${id}`).set(admin)).body.status === 'COMPLETED',
    );
    const refund = (key: string, amount?: number) =>
      http()
        .post(`/v1/payments/${id}/refund`)
        .set(admin)
        .set('Idempotency-Key', key)
        .send(amount === undefined ? {} : { amount });

    const partial = await refund('refund-1', 300).expect(200);
    expect(partial.body).toEqual(
      expect.objectContaining({ status: 'PARTIALLY_REFUNDED', refundedAmount: 300 }),
    );
    const replayed = await refund('refund-1', 300).expect(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expectApiError(await refund('refund-2', 701), 400, 'validation_error');

    // Concurrent refunds of the whole remainder: the refunded total can never pass the captured amount.
    const racing = await Promise.all(Array.from({ length: 8 }, (_, i) => refund(`race-${i}`, 700)));
    expect(racing.filter((r) => r.status === 200)).toHaveLength(1);
    for (const lost of racing.filter((r) => r.status !== 200)) expect([400, 409]).toContain(lost.status);
    const settled = await http().get(`/v1/payments/${id}`).set(admin).expect(200);
    expect(settled.body).toEqual(expect.objectContaining({ status: 'REFUNDED', refundedAmount: 1000 }));
    await waitFor(async () =>
      (await http().get(`/v1/payments/${id}`).set(admin)).body.refunds.every(
        (r: { status: string }) => r.status === 'succeeded',
      ),
    );
    expect(
      ports.events
        .filter((e) => e.type === 'payment.refunded' && e.data.id === id)
        .map((e) => e.id)
        .sort(),
    ).toHaveLength(2);
  });
});
