import type { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import {
  DeadLettersService,
  type PaymentEvent,
  PaymentMethod,
  PaymentsService,
  type PaymentView,
} from '@tenantpay/payments';
import type { AppConfig } from '@tenantpay/platform';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { Connection } from 'mongoose';
import { PaymentProcessingWorker } from '../src/payments/payment-processing.worker';
import { faultInjectingGatewayOf } from './support/fault-injecting-payment-gateway';
import { startPaymentsTestWorker } from './support/start-payments-test-worker';
import { createWorkerTestTenant, inTenantOf } from './support/worker-test-tenant';

const ATTEMPTS = 3;

/** The real worker with fast retries and short locks, and payment events recorded. */
function startWorker(config: AppConfig, events: PaymentEvent[]): Promise<INestApplicationContext> {
  return startPaymentsTestWorker(config, {
    processing: { attempts: ATTEMPTS, backoffDelayMs: 20, lockDurationMs: 1_000, stalledIntervalMs: 300 },
    publishEvent: (event) => void events.push(event),
    faultInjectingGateway: true,
  });
}

describe('payments worker end to end (simulated gateway)', () => {
  // Declared before useTestRedis/useTestMongo: Jest runs afterAll hooks in declaration order, and the worker
  // must close while Redis is still up (BullMQ waits for a reconnect that would never come).
  afterAll(async () => {
    if (worker !== undefined) faultInjectingGatewayOf(worker).releaseHungCalls();
    await worker?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const events: PaymentEvent[] = [];
  let worker: INestApplicationContext;
  let tenant: TenantSnapshot;
  let config: AppConfig;

  beforeAll(async () => {
    config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    worker = await startWorker(config, events);
    tenant = await createWorkerTestTenant(worker, 'worker-tenant');
  });

  const inTenant = <T>(app: INestApplicationContext, work: () => Promise<T>) => inTenantOf(app, tenant, work);
  let sequence = 0;
  const createPayment = async (paymentToken: string, app = worker): Promise<PaymentView> =>
    (
      await inTenant(app, () =>
        app.get(PaymentsService).create({
          amount: 2500,
          currency: 'EUR',
          reference: `W-${++sequence}`,
          method: PaymentMethod.Card,
          paymentToken,
        }),
      )
    ).body;
  const statusOf = (id: string, app = worker) => inTenant(app, () => app.get(PaymentsService).get(id));
  const until = async (
    id: string,
    predicate: (p: PaymentView) => boolean,
    app = worker,
  ): Promise<PaymentView> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const payment = await statusOf(id, app);
      if (predicate(payment)) return payment;
      if (Date.now() > deadline) throw new Error(`payment ${id} stuck in ${payment.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const gateway = () => faultInjectingGatewayOf(worker);
  const eventuallyPublished = async (eventId: string): Promise<void> => {
    const deadline = Date.now() + 15_000;
    while (!events.some((event) => event.id === eventId)) {
      if (Date.now() > deadline) throw new Error(`event ${eventId} never published`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('charges a payment once and completes it: PENDING → PROCESSING → COMPLETED', async () => {
    const payment = await createPayment('tok_visa');
    const done = await until(payment.id, (p) => p.status === 'COMPLETED');
    expect(done.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'PROCESSING', 'COMPLETED']);
    expect(done.gatewayReference).toMatch(/^ch_sim_/);
    expect(await gateway().chargesMade(payment.id)).toBe(1);
    // Written and dispatched right after the status change, so possibly a moment after it is visible.
    await eventuallyPublished(`evt_${payment.id}_completed`);
    expect(events).toContainEqual(
      expect.objectContaining({
        id: `evt_${payment.id}_completed`,
        type: 'payment.completed',
        tenantId: tenant.id,
      }),
    );
  });

  it('opens no MongoDB transaction while processing, so a killed worker cannot leave a payment locked', async () => {
    // A transaction left open by a killed process holds its documents until MongoDB's 60 s transaction
    // lifetime: recovery would then take that long instead of the job lock + stalled interval.
    const sessions = jest.spyOn(worker.get<Connection>(getConnectionToken()), 'startSession');
    try {
      const payment = await createPayment('tok_visa');
      await until(payment.id, (p) => p.status === 'COMPLETED');
      await eventuallyPublished(`evt_${payment.id}_completed`);
      expect(sessions).not.toHaveBeenCalled();
    } finally {
      sessions.mockRestore();
    }
  });

  it('retries transient gateway failures with backoff, then completes, charging once', async () => {
    const payment = await createPayment('tok_transient_2');
    const done = await until(payment.id, (p) => p.status === 'COMPLETED');
    expect(done.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'PROCESSING', 'COMPLETED']);
    expect(await gateway().chargesMade(payment.id)).toBe(1);
  });

  it('records a permanent decline as FAILED without retrying', async () => {
    const payment = await createPayment('tok_chargeDeclined');
    const failed = await until(payment.id, (p) => p.status === 'FAILED');
    expect(failed).toEqual(
      expect.objectContaining({ failureCode: 'card_declined', failureMessage: 'The card was declined.' }),
    );
    expect(await gateway().chargesMade(payment.id)).toBe(0);
    await eventuallyPublished(`evt_${payment.id}_failed`);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'payment.failed', id: `evt_${payment.id}_failed` }),
    );
  });

  it('keeps a job whose retries ran out in the dead-letter set, and a replay completes it', async () => {
    gateway().injectFaults(...Array.from({ length: ATTEMPTS }, () => 'transient' as const));
    const payment = await createPayment('tok_visa');
    const deadLetters = worker.get(DeadLettersService);
    const deadline = Date.now() + 15_000;
    let letter;
    while (
      (letter = (await deadLetters.list(100)).data.find((l) => l.paymentId === payment.id)) === undefined
    ) {
      if (Date.now() > deadline) throw new Error('job never dead-lettered');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(letter).toEqual(
      expect.objectContaining({ tenantId: tenant.id, attemptsMade: ATTEMPTS, name: 'process-payment' }),
    );
    const stuck = await statusOf(payment.id);
    expect(stuck.status).toBe('PROCESSING');

    await deadLetters.replay(letter.jobId);
    await until(payment.id, (p) => p.status === 'COMPLETED');
    expect(await gateway().chargesMade(payment.id)).toBe(1);
  });

  it('a worker killed mid-job, after the gateway charged: the job is recovered and nothing is charged twice', async () => {
    // The first worker charges and then never answers, as if the process died before writing the outcome.
    gateway().injectFaults('hang');
    const payment = await createPayment('tok_visa');
    const deadline = Date.now() + 10_000;
    while ((await gateway().chargesMade(payment.id)) === 0) {
      if (Date.now() > deadline) throw new Error('never charged');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await worker.get(PaymentProcessingWorker).bullWorker?.close(true);
    expect((await statusOf(payment.id)).status).toBe('PROCESSING');

    const replacement = await startWorker(config, events);
    try {
      const done = await until(payment.id, (p) => p.status === 'COMPLETED', replacement);
      expect(done.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'PROCESSING', 'COMPLETED']);
      expect(await faultInjectingGatewayOf(replacement).chargesMade(payment.id)).toBe(1);
      await eventuallyPublished(`evt_${payment.id}_completed`);
    } finally {
      await replacement.close();
    }
  });
});
