import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { redisConnectionOptions } from '@tenantpay/platform';
import { type TenantJobData, TenantJobRunner, type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { readyHttpApplication, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import {
  WEBHOOK_DELIVERY_QUEUE,
  webhookBackoffStrategy,
  type WebhookDeliveryJob,
  WebhookDeliveryService,
} from '@tenantpay/webhooks';
import { Worker } from 'bullmq';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';
import { seedTenant } from './identity-test-app';
import { startInlineWorker, userToken } from './payments-test-app';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

/**
 * `npm run example:integration` (tools/sdk-example) run as an integrating bank runs it, in its own process and
 * over real HTTP, against the production API listening on 127.0.0.1 (allow-listed for webhooks, as the
 * example's instructions say) with payment and webhook-delivery workers on the API's providers.
 */
describe('the SDK example integration against the real API', () => {
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let workers: Worker[] = [];
  let tenant: TenantSnapshot;
  let admin: { Authorization: string };

  beforeAll(async () => {
    const config = testAppConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redis.url,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    app = await readyHttpApplication(await createApiApplication(config));
    await app.listen(0, '127.0.0.1');
    workers = [startInlineWorker(app), startWebhookDeliveryWorker(app, redis.url)];
    tenant = await seedTenant(app, Tier.Enterprise);
    admin = (await userToken(app, tenant, 'admin@example-bank.test', TenantUserRole.Admin)).auth;
  });

  it('creates a payment once with an idempotency key, follows it to COMPLETED and verifies its webhook', async () => {
    const apiKey = await request(app.getHttpServer())
      .post('/v1/api-keys')
      .set(admin)
      .send({ name: 'example integration', scopes: ['payments:read', 'payments:write', 'webhooks:manage'] })
      .expect(201);

    const run = await runExample({
      TENANTPAY_API_URL: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
      TENANTPAY_TENANT: tenant.slug,
      TENANTPAY_API_KEY: apiKey.body.key as string,
      TENANTPAY_TIMEOUT_SECONDS: '60',
    });

    // The whole run on failure: its transcript says which step did not happen.
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const paymentId = /created payment (\w+)/.exec(run.stdout)?.[1];
    expect(run.stdout).toContain('repeated the request with the same key: the same payment');
    expect(run.stdout).toContain(`payment ${paymentId} is COMPLETED`);
    expect(run.stdout).toMatch(
      new RegExp(`verified webhook \\S+: payment.completed for payment ${paymentId}`),
    );
    expect(run.stdout).toContain('[example] done');

    // What the API recorded: one payment despite two creations, completed; the endpoint the key registered,
    // removed by the same key.
    const payments = await request(app.getHttpServer()).get('/v1/payments').set(admin).expect(200);
    expect(
      payments.body.data.map((payment: { id: string; status: string }) => [payment.id, payment.status]),
    ).toEqual([[paymentId, 'COMPLETED']]);
    const endpoints = await request(app.getHttpServer()).get('/v1/webhook-endpoints').set(admin).expect(200);
    expect(endpoints.body.data).toEqual([]);
  }, 240_000);

  it('exits 1 naming the settings it lacks', async () => {
    const run = await runExample({ TENANTPAY_API_KEY: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('set TENANTPAY_API_KEY (');
  }, 60_000);
});

/** The worker's WebhookDeliveryProcessor, on the API app's providers (the worker app has its own e2e tests). */
function startWebhookDeliveryWorker(app: NestFastifyApplication, redisUrl: string): Worker {
  const runner = app.get(TenantJobRunner);
  const deliveries = app.get(WebhookDeliveryService, { strict: false });
  return new Worker<TenantJobData<WebhookDeliveryJob>>(
    WEBHOOK_DELIVERY_QUEUE,
    (job) =>
      runner.run(job, async ({ deliveryId }) => {
        const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const result = await deliveries.attempt({ deliveryId, isLastAttempt });
        if (result.outcome === 'retry' || result.outcome === 'dead_lettered') throw new Error(result.reason);
        return result;
      }),
    {
      connection: { ...redisConnectionOptions(redisUrl), maxRetriesPerRequest: null },
      settings: { backoffStrategy: webhookBackoffStrategy },
    },
  );
}

async function runExample(
  environment: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const settings = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('TENANTPAY_')),
  );
  return promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/sdk-example/src/main.ts'],
    { cwd: WORKSPACE_ROOT, env: { ...settings, ...environment } },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}
