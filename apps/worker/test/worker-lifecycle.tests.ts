import { BullModule, InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { redisConnectionOptions } from '@tenantpay/platform';
import { TEST_JWT_SIGNING_KEYS, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { type Job, Queue } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { WorkerModule } from '../src/worker.module';

const SLOW_QUEUE = 'lifecycle-probe';

/** A processor that exists only in this test: it takes long enough to be caught mid-job by a shutdown. */
@Processor(SLOW_QUEUE)
class SlowProcessor extends WorkerHost {
  static started: () => void = () => undefined;

  async process(job: Job<{ ms: number }>): Promise<string> {
    SlowProcessor.started();
    await new Promise((resolve) => setTimeout(resolve, job.data.ms));
    return 'finished';
  }

  // Closing connections during shutdown may surface as 'error' events; a worker must always listen.
  @OnWorkerEvent('error')
  onWorkerError(): void {}
}

@Injectable()
class QueueHandle {
  constructor(@InjectQueue(SLOW_QUEUE) readonly queue: Queue) {
    queue.on('error', () => undefined);
  }
}

describe('worker lifecycle', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let child: ChildProcess | undefined;

  // A test that fails or times out before its child exited must not leave a worker process behind (it would
  // keep consuming the test Redis and outlive the Jest run).
  afterEach(async () => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  });

  it('finishes the active job before closing', async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    @Module({
      imports: [WorkerModule.forRoot(config), BullModule.registerQueue({ name: SLOW_QUEUE })],
      providers: [SlowProcessor, QueueHandle],
    })
    class ProbeWorkerModule {}
    const app = await NestFactory.createApplicationContext(ProbeWorkerModule, { logger: false });
    await app.init();
    const { queue } = app.get(QueueHandle);
    const started = new Promise<void>((resolve) => (SlowProcessor.started = resolve));
    const job = await queue.add('slow', { ms: 600 });
    await started;

    await app.close();

    // The app's own connections are closed now; look at the job from outside.
    const inspector = new Queue(SLOW_QUEUE, { connection: redisConnectionOptions(redis.url) });
    try {
      const finished = await inspector.getJob(job.id ?? '');
      await expect(finished?.getState()).resolves.toBe('completed');
      expect(finished?.returnvalue).toBe('finished');
    } finally {
      await inspector.close();
    }
  });

  it('starts as a process and exits cleanly on SIGTERM', async () => {
    const worker = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, '../src/main.ts')],
      {
        cwd: path.join(__dirname, '../../..'),
        env: {
          ...process.env,
          MONGODB_URI: mongo.uri,
          REDIS_URL: redis.url,
          JWT_SIGNING_KEYS: TEST_JWT_SIGNING_KEYS,
          PAYMENTS_GATEWAY: 'simulated',
          LOG_LEVEL: 'info',
          SHUTDOWN_GRACE_MS: '5000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = worker;
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntil(
      () => output.includes('Worker started'),
      30_000,
      () => output,
    );

    worker.kill('SIGTERM');
    const [code, signal] = await once(worker, 'exit');

    // Nest re-raises the signal once its shutdown hooks have completed, which is the conventional way
    // for a process to report "terminated by SIGTERM, cleanly".
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(output).toContain('draining active jobs');
    expect(output).toContain('Worker stopped');
    // Every line is structured JSON.
    for (const line of output.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  }, 40_000);
});

async function waitUntil(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
