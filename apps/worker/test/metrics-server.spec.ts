import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { MetricsServer } from '@tenantpay/platform';
import { WorkerModule } from '../src/worker.module';

async function scrape(port: number): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
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
