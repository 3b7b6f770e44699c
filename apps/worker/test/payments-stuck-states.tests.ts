import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import {
  DeadLettersService,
  paymentJobId,
  PAYMENTS_MAINTENANCE_QUEUE,
  PaymentMaintenanceJobName,
  PaymentMethod,
  PAYMENTS_QUEUE,
  PAYMENTS_SETTINGS,
  PaymentsService,
  type PaymentView,
  StuckPaymentsSweeper,
} from '@tenantpay/payments';
import { METRICS_REGISTRY } from '@tenantpay/platform';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { Queue } from 'bullmq';
import { ObjectId } from 'mongodb';
import type { Registry } from 'prom-client';
import {
  type FaultInjectingPaymentGateway,
  faultInjectingGatewayOf,
} from './support/fault-injecting-payment-gateway';
import { paymentWhoseEnqueueFailed } from './support/payment-whose-enqueue-failed';
import { startPaymentsTestWorker } from './support/start-payments-test-worker';
import { createWorkerTestTenant, inTenantOf } from './support/worker-test-tenant';

/**
 * Every payment status the sweep owns a timeout of, driven by calling the sweep directly (its schedule is an
 * hour here, so runs do not race the assertions): PROCESSING payments whose job is gone or dead-lettered are
 * settled by asking the gateway, never by charging blind; approvals expire.
 */
describe('stuck payments: PROCESSING reconciled with the gateway, approvals expire (worker)', () => {
  afterAll(async () => {
    if (worker !== undefined) gateway().releaseHungCalls();
    await worker?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let worker: INestApplicationContext;
  let tenant: TenantSnapshot;
  let paymentsQueue: Queue;

  beforeAll(async () => {
    const config = testAppConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redis.url,
      PAYMENTS_SWEEP_INTERVAL_MS: '3600000',
      // One attempt: a transient failure dead-letters the job at once.
      PAYMENTS_JOB_ATTEMPTS: '1',
    });
    worker = await startPaymentsTestWorker(config, { faultInjectingGateway: true });
    paymentsQueue = worker.get<Queue>(getQueueToken(PAYMENTS_QUEUE));
    tenant = await createWorkerTestTenant(worker, 'stuck-tenant');
  });

  const gateway = (): FaultInjectingPaymentGateway => faultInjectingGatewayOf(worker);
  const inTenant = <T>(work: () => Promise<T>) => inTenantOf(worker, tenant, work);
  const payments = () => mongo.db.collection('payments');
  const outbox = () => mongo.db.collection('payment_outbox');
  const stored = (id: string) => payments().findOne({ _id: new ObjectId(id) });
  const sweep = () => worker.get(StuckPaymentsSweeper).sweep();
  let sequence = 0;

  const paymentWithoutJob = (paymentToken?: string) =>
    paymentWhoseEnqueueFailed(worker, tenant, paymentsQueue, `STUCK-${++sequence}`, paymentToken);

  /** PROCESSING for an hour: its job was lost with Redis (or never existed), past every grace period. */
  const processingSinceAnHourAgo = (id: string, set: Record<string, unknown> = {}) =>
    payments().updateOne(
      { _id: new ObjectId(id) },
      { $set: { status: 'PROCESSING', ...set, updatedAt: new Date(Date.now() - 3600_000) } },
    );

  const chargeAtTheGateway = (payment: PaymentView) =>
    gateway().simulator.charge({
      idempotencyKey: payment.id,
      amount: payment.amount,
      currency: payment.currency,
      method: payment.method,
      paymentToken: 'tok_visa',
      metadata: { tenantId: tenant.id, paymentId: payment.id },
    });

  it('completes a PROCESSING payment the gateway charged (its answer was lost), without charging again', async () => {
    const payment = await paymentWithoutJob();
    const charge = await chargeAtTheGateway(payment);
    await processingSinceAnHourAgo(payment.id);

    const result = await sweep();

    expect(result.processing.completed).toBe(1);
    expect(await stored(payment.id)).toEqual(
      expect.objectContaining({
        status: 'COMPLETED',
        gatewayReference: charge.gatewayReference,
        lastProcessingError: null,
      }),
    );
    expect(await gateway().chargesMade(payment.id)).toBe(1);
    expect(await outbox().findOne({ eventId: `evt_${payment.id}_completed` })).not.toBeNull();
  });

  it('enqueues again a PROCESSING payment the gateway never charged and whose job is gone; it is charged once', async () => {
    const payment = await paymentWithoutJob();
    await processingSinceAnHourAgo(payment.id);

    expect((await sweep()).processing.re_enqueued).toBe(1);

    await eventually(
      'the payment to complete',
      async () => (await stored(payment.id))?.['status'] === 'COMPLETED',
    );
    expect(await gateway().chargesMade(payment.id)).toBe(1);
  });

  it('fails a dead-lettered payment the gateway never charged, removing its dead letter', async () => {
    const { body: payment } = await inTenant(() =>
      worker.get(PaymentsService).create({
        amount: 1600,
        currency: 'EUR',
        reference: `STUCK-${++sequence}`,
        method: PaymentMethod.Card,
        paymentToken: 'tok_gatewayUnavailable',
      }),
    );
    await eventually('the job to be dead-lettered', async () =>
      (await worker.get(DeadLettersService).list(100)).data.some((letter) => letter.paymentId === payment.id),
    );
    await processingSinceAnHourAgo(payment.id);

    expect((await sweep()).processing.failed).toBe(1);

    expect(await stored(payment.id)).toEqual(
      expect.objectContaining({ status: 'FAILED', failureCode: 'gateway_unavailable' }),
    );
    expect(await paymentsQueue.getJob(paymentJobId(payment.id))).toBeUndefined();
    expect(await gateway().chargesMade(payment.id)).toBe(0);
    expect(await outbox().findOne({ eventId: `evt_${payment.id}_failed` })).not.toBeNull();
  });

  it('completes a dead-lettered payment whose charge went through before the connection was lost', async () => {
    gateway().injectFaults('hang');
    const { body: payment } = await inTenant(() =>
      worker.get(PaymentsService).create({
        amount: 1700,
        currency: 'EUR',
        reference: `STUCK-${++sequence}`,
        method: PaymentMethod.Card,
        paymentToken: 'tok_visa',
      }),
    );
    await eventually('the charge and its lost answer', async () => gateway().hangingCalls === 1);
    expect(await gateway().chargesMade(payment.id)).toBe(1);
    gateway().releaseHungCalls();
    await eventually('the job to be dead-lettered', async () =>
      (await worker.get(DeadLettersService).list(100)).data.some((letter) => letter.paymentId === payment.id),
    );
    await processingSinceAnHourAgo(payment.id);

    expect((await sweep()).processing.completed).toBe(1);

    expect((await stored(payment.id))?.['status']).toBe('COMPLETED');
    expect(await gateway().chargesMade(payment.id)).toBe(1);
  });

  it('leaves a PROCESSING payment whose job is still alive to its job', async () => {
    const payment = await paymentWithoutJob();
    await paymentsQueue.add('process-payment', {}, { jobId: paymentJobId(payment.id), delay: 3600_000 });
    await processingSinceAnHourAgo(payment.id);

    const result = await sweep();

    expect(result.processing).toEqual(expect.objectContaining({ completed: 0, re_enqueued: 0, failed: 0 }));
    expect((await stored(payment.id))?.['status']).toBe('PROCESSING');
    expect(await gateway().chargesMade(payment.id)).toBe(0);
    await (await paymentsQueue.getJob(paymentJobId(payment.id)))?.remove();
    await payments().updateOne({ _id: new ObjectId(payment.id) }, { $set: { status: 'FAILED' } });
  });

  it('cancels an approval past its age, with its event, and leaves a fresh one waiting', async () => {
    const expired = await paymentWithoutJob();
    const fresh = await paymentWithoutJob();
    const expiry = worker.get<{ maintenance: { approvalExpirySeconds: number } }>(PAYMENTS_SETTINGS)
      .maintenance.approvalExpirySeconds;
    await payments().updateOne(
      { _id: new ObjectId(expired.id) },
      { $set: { status: 'AWAITING_APPROVAL', updatedAt: new Date(Date.now() - (expiry + 60) * 1000) } },
    );
    await payments().updateOne({ _id: new ObjectId(fresh.id) }, { $set: { status: 'AWAITING_APPROVAL' } });

    expect((await sweep()).approvalsExpired).toBe(1);

    const canceled = await stored(expired.id);
    expect(canceled?.['status']).toBe('CANCELED');
    expect((canceled?.['statusHistory'] as { to: string; reason: string }[]).at(-1)).toEqual(
      expect.objectContaining({ to: 'CANCELED', reason: 'approval expired' }),
    );
    expect(await outbox().findOne({ eventId: `evt_${expired.id}_canceled` })).not.toBeNull();
    expect((await stored(fresh.id))?.['status']).toBe('AWAITING_APPROVAL');
  });

  it('asks again while the gateway cannot say, then reports the payment as needing a person; never charges', async () => {
    const payment = await paymentWithoutJob();
    await processingSinceAnHourAgo(payment.id);
    gateway().injectFaults('unknown');

    expect((await sweep()).processing.unknown).toBe(1);
    expect(await stored(payment.id)).toEqual(
      expect.objectContaining({ status: 'PROCESSING', reconciliationAttempts: 1 }),
    );

    await processingSinceAnHourAgo(payment.id, { reconciliationAttempts: 10 });
    // Through the worker's own maintenance job this time, which records the sweep's metrics.
    const job = await worker
      .get<Queue>(getQueueToken(PAYMENTS_MAINTENANCE_QUEUE))
      .add(PaymentMaintenanceJobName.SweepStuckPayments, {});
    await eventually('the sweep job', async () => (await job.getState()) === 'completed');
    const gauge = await worker
      .get<Registry>(METRICS_REGISTRY)
      .getSingleMetric('payments_needing_attention')
      ?.get();
    expect(gauge?.values[0]?.value).toBe(1);
    expect((await stored(payment.id))?.['status']).toBe('PROCESSING');
    expect(await gateway().chargesMade(payment.id)).toBe(0);
  });
});
