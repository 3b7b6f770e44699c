import { startHttpTestApplication } from '@tenantpay/testing';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ApiKeyStrategy, JwtClaimStrategy, type TenantUserRole } from '@tenantpay/identity';
import {
  type PaymentJobPayload,
  PaymentProcessingService,
  PAYMENTS_QUEUE,
  PAYMENTS_SETTINGS,
  paymentsSettingsFromAppConfig,
  type PaymentsSettings,
  TRANSACTION_QUOTA,
  STORAGE_USAGE,
  type TransactionQuota,
  type StorageUsage,
  PAYMENT_EVENT_PUBLISHER,
  type PaymentEvent,
  PAYMENT_BATCH_SETTINGS,
  type PaymentBatchSettings,
  PAYMENT_BATCHES_QUEUE,
  type PaymentBatchJobPayload,
  PaymentBatchProcessingService,
} from '@tenantpay/payments';
import {
  APP_CONFIG,
  type AppConfig,
  closeQueueConnection,
  DomainException,
  ErrorCode,
  queueConnection,
} from '@tenantpay/platform';
import {
  CustomDomainStrategy,
  SubdomainStrategy,
  TENANT_RESOLUTION_STRATEGIES,
  TenantHeaderStrategy,
  TenantJobRunner,
  type TenantJobData,
  type TenantResolutionStrategy,
  type TenantSnapshot,
} from '@tenantpay/tenancy';
import { Worker } from 'bullmq';
import request from 'supertest';
import { ApiModule } from '../src/api.module';
import { PASSWORD, seedUser } from './identity-test-app';

/**
 * The config's payments settings with no gateway latency, fast retries and short locks (stalled jobs recover
 * quickly): values below what production may configure.
 */
export function testPaymentsSettings(
  config: AppConfig,
  overrides: Partial<PaymentsSettings['processing']> = {},
): PaymentsSettings {
  const defaults = paymentsSettingsFromAppConfig(config);
  return {
    ...defaults,
    simulatedGateway: { latencyMs: 0, transientFailureRate: 0 },
    processing: {
      ...defaults.processing,
      backoffDelayMs: 20,
      lockDurationMs: 1_000,
      stalledIntervalMs: 500,
      ...overrides,
    },
  };
}

/** Small chunks, so that a batch of a few dozen rows already spans several concurrent chunks. */
export const TEST_PAYMENT_BATCH_SETTINGS: PaymentBatchSettings = {
  chunkSize: 10,
  rowConcurrency: 5,
  chunkConcurrency: 2,
};

/** Stand-ins for the usage and webhooks libraries' implementations of the payments ports, recording calls. */
export class RecordingPorts {
  readonly reserved: string[] = [];
  readonly released: string[] = [];
  readonly created: string[] = [];
  readonly storageBytes: number[] = [];
  readonly events: PaymentEvent[] = [];
  refuseQuota = false;
  /** How long `reserve` takes: a request slower than its idempotency lease. */
  reserveDelayMs = 0;

  readonly quota: TransactionQuota = {
    prepareHold: (_tenant, batchRows) => ({
      id: `hold-${this.reserved.length}-${Math.random()}`,
      period: '2026-01',
      units: batchRows ?? 1,
      forBatch: batchRows !== undefined,
    }),
    reserve: async (tenant) => {
      this.reserved.push(tenant.id);
      if (this.reserveDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.reserveDelayMs));
      if (this.refuseQuota) {
        throw new DomainException(ErrorCode.QuotaExceeded, 'The monthly transaction quota is used up.');
      }
    },
    release: async (_tenant, hold) => void this.released.push(hold.id),
    recordCreated: async (_tenant, paymentId) => {
      this.created.push(paymentId);
    },
  };
  readonly storage: StorageUsage = {
    recordGrowth: async (_tenant, bytes) => void this.storageBytes.push(bytes),
  };
  readonly publisher = { publish: async (event: PaymentEvent) => void this.events.push(event) };
}

/**
 * The real API (ApiModule, production HTTP stack) with identity's credential strategies in front of tenancy's
 * (as identity's own e2e tests compose them), test payments settings and recording ports.
 */
export async function createPaymentsTestApp(
  config: AppConfig,
  ports = new RecordingPorts(),
  settings = testPaymentsSettings(config),
): Promise<NestFastifyApplication> {
  @Module({ imports: [ApiModule.forRoot(config)] })
  class PaymentsTestApiModule {}

  const moduleRef = await Test.createTestingModule({ imports: [PaymentsTestApiModule] })
    .overrideProvider(TENANT_RESOLUTION_STRATEGIES)
    .useFactory({
      inject: [
        JwtClaimStrategy,
        ApiKeyStrategy,
        TenantHeaderStrategy,
        SubdomainStrategy,
        CustomDomainStrategy,
      ],
      factory: (...strategies: TenantResolutionStrategy[]) => strategies,
    })
    .overrideProvider(PAYMENTS_SETTINGS)
    .useValue(settings)
    .overrideProvider(TRANSACTION_QUOTA)
    .useValue(ports.quota)
    .overrideProvider(STORAGE_USAGE)
    .useValue(ports.storage)
    .overrideProvider(PAYMENT_EVENT_PUBLISHER)
    .useValue(ports.publisher)
    .overrideProvider(PAYMENT_BATCH_SETTINGS)
    .useValue(TEST_PAYMENT_BATCH_SETTINGS)
    .compile();
  const app = await startHttpTestApplication(moduleRef);
  return app;
}

/** A payments worker on the API app's own providers (the worker app has its own e2e tests). */
/** The payments queue's worker inside the test app, on the app's Redis (either topology). */
export function startInlineWorker(app: NestFastifyApplication): Worker {
  const runner = app.get(TenantJobRunner);
  const processing = app.get(PaymentProcessingService);
  const connection = queueConnection(app.get<AppConfig>(APP_CONFIG).redis, 'payments-test-inline-worker');
  const worker = new Worker<TenantJobData<PaymentJobPayload>>(
    PAYMENTS_QUEUE,
    (job) =>
      runner.run(job, ({ paymentId, refundId }) =>
        refundId === undefined
          ? processing.processPayment(paymentId)
          : processing.processRefund(paymentId, refundId),
      ),
    { ...connection, concurrency: 10 },
  );
  worker.on('closed', () => void closeQueueConnection(connection));
  return worker;
}

/** The worker app's batch worker, on the API app's own providers (as startInlineWorker does for payments). */
export function startInlineBatchWorker(app: NestFastifyApplication): Worker {
  const runner = app.get(TenantJobRunner);
  const processing = app.get(PaymentBatchProcessingService);
  const connection = queueConnection(app.get<AppConfig>(APP_CONFIG).redis, 'batches-test-inline-worker');
  const worker = new Worker<TenantJobData<PaymentBatchJobPayload>>(
    PAYMENT_BATCHES_QUEUE,
    (job) =>
      runner.run(job, ({ batchId, fromRow, toRow }) => processing.processChunk(batchId, fromRow, toRow)),
    { ...connection, concurrency: app.get<PaymentBatchSettings>(PAYMENT_BATCH_SETTINGS).chunkConcurrency },
  );
  worker.on('closed', () => void closeQueueConnection(connection));
  return worker;
}

export async function loginAs(
  app: NestFastifyApplication,
  tenant: TenantSnapshot,
  email: string,
): Promise<string> {
  const response = await request(app.getHttpServer())
    .post('/v1/auth/login')
    .set('X-Tenant-ID', tenant.id)
    .send({ email, password: PASSWORD })
    .expect(200);
  return response.body.accessToken as string;
}

/** A user of the tenant and their bearer header. */
export async function userToken(
  app: NestFastifyApplication,
  tenant: TenantSnapshot,
  email: string,
  role: TenantUserRole,
): Promise<{ id: string; auth: { Authorization: string } }> {
  const id = await seedUser(app, tenant, email, role);
  return { id, auth: { Authorization: `Bearer ${await loginAs(app, tenant, email)}` } };
}

let sequence = 0;
export function newPayment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    amount: 1050,
    currency: 'EUR',
    reference: `ref-${Date.now()}-${sequence}`,
    method: 'card',
    ...overrides,
  };
}
