import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import {
  PAYMENT_BATCHES_QUEUE,
  PAYMENTS_MAINTENANCE_QUEUE,
  PAYMENTS_QUEUE,
  PaymentJobName,
} from '@tenantpay/payments';
import { MetricsServer, redisConnectionOptions } from '@tenantpay/platform';
import { USAGE_QUEUE } from '@tenantpay/usage';
import { WEBHOOK_DELIVERY_QUEUE } from '@tenantpay/webhooks';
import { Queue } from 'bullmq';
import { ObjectId } from 'mongodb';
import { WorkerModule } from '../src/worker.module';

async function scrape(port: number): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

/** Every queue the worker processes. */
const WORKER_QUEUES = [
  PAYMENTS_QUEUE,
  PAYMENT_BATCHES_QUEUE,
  PAYMENTS_MAINTENANCE_QUEUE,
  USAGE_QUEUE,
  WEBHOOK_DELIVERY_QUEUE,
];

/** One sample's value in the Prometheus text format, or undefined when the series is absent. */
function metricValue(body: string, series: string): number | undefined {
  const line = body.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('worker metrics port (WORKER_METRICS_PORT)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: INestApplicationContext;
  let port: number;

  beforeAll(async () => {
    // Port 0: the system picks a free port, so parallel test runs never collide.
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, WORKER_METRICS_PORT: '0' });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await app.init();
    port = app.get(MetricsServer).port ?? 0;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the Prometheus registry with queue depth per queue', async () => {
    expect(port).toBeGreaterThan(0);
    const { status, type, body } = await scrape(port);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    expect(body).toContain('process_cpu_user_seconds_total');
    for (const queue of ['usage', 'payments', 'webhook-deliveries']) {
      expect(body).toMatch(new RegExp(`^queue_jobs\\{queue="${queue}",state="waiting"\\} \\d+$`, 'm'));
    }
    expect(body).toMatch(/^usage_flush_lag_seconds \d/m);
  });

  it('counts completed jobs per queue and resets the usage flush lag when a sync completes', async () => {
    // The usage sync job is scheduled as the worker starts; its completion is what the counter must show.
    const { body } = await eventually(
      () => scrape(port),
      (result) => /^jobs_completed_total\{queue="usage"\} [1-9]/m.test(result.body),
      10_000,
    );
    expect(body).toMatch(/^jobs_completed_total\{queue="usage"\} [1-9]/m);
    const lag = Number(/^usage_flush_lag_seconds (\S+)$/m.exec(body)?.[1]);
    expect(lag).toBeLessThan(10);
  });

  it('reports waiting, active, completed, failed and delayed jobs for every queue the worker runs', async () => {
    const { body } = await scrape(port);
    for (const queue of WORKER_QUEUES) {
      for (const state of ['waiting', 'active', 'completed', 'failed', 'delayed']) {
        expect(body).toMatch(new RegExp(`^queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, 'm'));
      }
    }
  });

  it('counts every failed job, with its duration, on the payments queue too', async () => {
    // A job whose tenant does not exist fails permanently (TenantJobRunner): the failure logged before.
    const queue = new Queue(PAYMENTS_QUEUE, { connection: redisConnectionOptions(redis.url) });
    try {
      const before = metricValue((await scrape(port)).body, `jobs_failed_total{queue="${PAYMENTS_QUEUE}"}`);
      expect(before).toBe(0);
      await queue.add(
        PaymentJobName.ProcessPayment,
        { tenantId: new ObjectId().toHexString(), payload: { paymentId: new ObjectId().toHexString() } },
        { jobId: 'metrics-failing-job', attempts: 1 },
      );
      const { body } = await eventually(
        () => scrape(port),
        (result) => metricValue(result.body, `jobs_failed_total{queue="${PAYMENTS_QUEUE}"}`) === 1,
        10_000,
      );
      expect(metricValue(body, `jobs_failed_total{queue="${PAYMENTS_QUEUE}"}`)).toBe(1);
      expect(metricValue(body, `queue_jobs{queue="${PAYMENTS_QUEUE}",state="failed"}`)).toBe(1);
      expect(
        metricValue(body, `job_duration_seconds_count{queue="${PAYMENTS_QUEUE}",outcome="failed"}`),
      ).toBe(1);
      // Series exist for every queue from the start, so a rate over them sees the first failure.
      for (const name of WORKER_QUEUES) {
        expect(metricValue(body, `jobs_failed_total{queue="${name}"}`)).toBeGreaterThanOrEqual(0);
      }
    } finally {
      await queue.close();
    }
  });

  it('refuses anything but reads', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' });
    expect(response.status).toBe(405);
  });

  it('stops listening when the worker shuts down', async () => {
    await app.close();
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
    expect(app.get(MetricsServer).port).toBeUndefined();
  });
});
