import type { INestApplicationContext } from '@nestjs/common';
import { PaymentMethod, PaymentProcessingService, PaymentsService } from '@tenantpay/payments';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { PaymentProcessingWorker } from '../src/payments/payment-processing.worker';
import { startPaymentsTestWorker } from './support/start-payments-test-worker';
import { createWorkerTestTenant, inTenantOf } from './support/worker-test-tenant';

const BACKLOG = 40;

describe('payments worker: fair share per tenant', () => {
  // Declared before useTestRedis/useTestMongo: the worker must close while Redis is still up.
  afterAll(() => worker?.close());
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    worker = await startPaymentsTestWorker(config, {
      // One job at a time, so the order jobs start in is the order the queue hands them out.
      processing: { concurrency: 1 },
      publishEvent: () => undefined,
    });
  });

  let sequence = 0;
  const createPayment = (tenant: TenantSnapshot): Promise<string> =>
    inTenantOf(worker, tenant, async () => {
      const created = await worker.get(PaymentsService).create({
        amount: 2500,
        currency: 'EUR',
        reference: `F-${++sequence}`,
        method: PaymentMethod.Card,
        paymentToken: 'tok_visa',
      });
      return created.body.id;
    });

  it("starts a tenant's single payment before another tenant's backlog of payments drains", async () => {
    const busy = await createWorkerTestTenant(worker, 'busy-bank', Tier.Enterprise);
    const quiet = await createWorkerTestTenant(worker, 'quiet-bank', Tier.Starter);
    const started: string[] = [];
    const processing = worker.get(PaymentProcessingService);
    const processPayment = processing.processPayment.bind(processing);
    jest.spyOn(processing, 'processPayment').mockImplementation((paymentId) => {
      started.push(paymentId);
      return processPayment(paymentId);
    });
    const bullWorker = worker.get(PaymentProcessingWorker).bullWorker;
    if (bullWorker === undefined) throw new Error('the payments worker did not start');

    // The whole backlog is queued before the quiet tenant's payment, and nothing runs meanwhile.
    await bullWorker.pause();
    const backlog: string[] = [];
    for (let payment = 0; payment < BACKLOG; payment++) backlog.push(await createPayment(busy));
    const single = await createPayment(quiet);
    bullWorker.resume();
    await eventually('every payment to start', () => started.length === BACKLOG + 1, 120_000);

    // Behind at most the one backlog job that shares its place in the line (first in, first out).
    expect(started.indexOf(single)).toBeLessThanOrEqual(1);
    expect(started.filter((id) => id !== single)).toEqual(backlog);
  }, 180_000);
});
