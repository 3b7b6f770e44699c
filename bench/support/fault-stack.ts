/**
 * The platform as separate processes for fault runs (soak, chaos): redis-server, the API and the worker as
 * child processes (AppProcess), tenants seeded before they start, and clients for the run's own checks. The
 * caller starts MongoDB (the soak takes it away, a closed port; the chaos run freezes it, SIGSTOP) and hands it
 * over: the stack stops it last.
 */
import { findFreePort, RedisServerProcess } from '@tenantpay/local-services';
import { loadConfig } from '@tenantpay/platform';
import { Redis } from 'ioredis';
import { type Db, MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppProcess } from './app-process';
import type { BenchTenant } from './seed-bench-tenant';
import { seedFaultTenants } from './seed-fault-tenants';
import { waitFor } from './wait-for';
import { ADMISSION_OUT_OF_REACH } from './admission-out-of-reach';

export interface FaultStack {
  readonly apiUrl: string;
  readonly port: number;
  readonly api: AppProcess;
  readonly worker: AppProcess;
  readonly redisServer: RedisServerProcess;
  /** Survives the run's Redis restarts (it reconnects by itself). */
  readonly redis: Redis;
  readonly db: Db;
  readonly logDir: string;
  /** The API and the worker (SIGTERM), the clients, redis-server, MongoDB. */
  stop(): Promise<void>;
}

export interface FaultStackOptions<N extends string> {
  readonly run: 'soak' | 'chaos';
  /** Started by the caller; stopped with the stack (also when starting the rest fails). */
  readonly mongo: { readonly uri: string; stop(): Promise<void> };
  readonly baseDomain: string;
  readonly tenantNames: readonly N[];
  /** Variables on top of the run's own (timers a run lowers). */
  readonly environment?: Readonly<Record<string, string>>;
}

export async function startFaultStack<N extends string>(
  options: FaultStackOptions<N>,
): Promise<{ stack: FaultStack; tenants: Record<N, BenchTenant> }> {
  const logDir = mkdtempSync(path.join(tmpdir(), `tenantpay-${options.run}-`));
  const redisServer = await RedisServerProcess.start().catch(async (error: unknown) => {
    await options.mongo.stop();
    throw error;
  });
  const port = await findFreePort();
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PAYMENTS_GATEWAY: 'simulated',
    MONGODB_URI: options.mongo.uri,
    REDIS_URL: redisServer.url,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    METRICS_PORT: String(await findFreePort()),
    WORKER_METRICS_PORT: String(await findFreePort()),
    ...ADMISSION_OUT_OF_REACH,
    BASE_DOMAIN: options.baseDomain,
    JWT_SIGNING_KEYS: `${options.run}:${randomBytes(32).toString('base64url')}`,
    WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    ...options.environment,
  };
  const api = new AppProcess('api', environment, path.join(logDir, 'api.log'));
  const worker = new AppProcess('worker', environment, path.join(logDir, 'worker.log'));
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  // Scenarios stop and restart the server under this client on purpose; it reconnects by itself.
  redis.on('error', () => undefined);
  const client = new MongoClient(options.mongo.uri);
  const stop = async (): Promise<void> => {
    await worker.kill('SIGTERM');
    await api.kill('SIGTERM');
    redis.disconnect();
    await client.close();
    await redisServer.stop();
    await options.mongo.stop();
  };
  try {
    const tenants = await seedFaultTenants(loadConfig(environment), options.tenantNames);
    api.start();
    worker.start();
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitFor(
      'API ready',
      async () => {
        const ready = await fetch(`${apiUrl}/health/ready`, { signal: AbortSignal.timeout(10_000) });
        return ready.status === 200 ? true : undefined;
      },
      120_000,
      250,
    );
    return {
      stack: { apiUrl, port, api, worker, redisServer, redis, db: client.db(), logDir, stop },
      tenants,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
