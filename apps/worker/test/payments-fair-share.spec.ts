import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  PAYMENT_EVENT_PUBLISHER,
  PaymentMethod,
  PaymentProcessingService,
  PAYMENTS_SETTINGS,
  paymentsSettingsFromAppConfig,
  PaymentsService,
} from '@tenantpay/payments';
import {
  ResolutionMethod,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { PaymentProcessingWorker } from '../src/payments/payment-processing.worker';
import { WorkerModule } from '../src/worker.module';

const BACKLOG = 40;

describe('payments worker: fair share per tenant', () => {
  // Declared before useTestRedis/useTestMongo: the worker must close while Redis is still up.
  afterAll(() => worker?.close());
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    const defaults = paymentsSettingsFromAppConfig(config);
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
      .overrideProvider(PAYMENTS_SETTINGS)
      // One job at a time, so the order jobs start in is the order the queue hands them out.
      .useValue({
        ...defaults,
        simulatedGateway: { latencyMs: 0, transientFailureRate: 0 },
        processing: { ...defaults.processing, concurrency: 1 },
      })
      .overrideProvider(PAYMENT_EVENT_PUBLISHER)
      .useValue({ publish: async () => undefined })
      .compile();
    moduleRef.useLogger(false);
    worker = await moduleRef.init();
  });

  const createTenant = async (slug: string, tier: Tier): Promise<TenantSnapshot> => {
    const created = await worker
      .get(TenantContextService)
      .runAsPlatform('test setup', () => worker.get(TenantAdminService).create({ slug, name: slug, tier }));
    return (await worker.get(TenantLookupService).findById(created.id)) as TenantSnapshot;
  };
  let sequence = 0;
  const createPayment = (tenant: TenantSnapshot): Promise<string> =>
    worker
      .get(TenantContextService)
      .run(
        { tenant, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'test' },
        async () => {
          const created = await worker.get(PaymentsService).create({
            amount: 2500,
            currency: 'EUR',
            reference: `F-${++sequence}`,
            method: PaymentMethod.Card,
            paymentToken: 'tok_visa',
          });
          return created.body.id;
        },
      );

  it("starts a tenant's single payment before another tenant's backlog of payments drains", async () => {
    const busy = await createTenant('busy-bank', Tier.Enterprise);
    const quiet = await createTenant('quiet-bank', Tier.Starter);
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
