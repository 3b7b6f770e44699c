/**
 * One measured HTTP server in a process of its own (forked by http.bench.ts), so that its CPU time is its own:
 * the load generator, the MongoDB engine and redis-server each run in other processes, on another core.
 *   argv: minimal-fastify | minimal-express | product <mongoUri> <redisUrl>
 * Once listening it sends a {@link BenchServerReady} and then answers CPU usage requests until disconnected.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { answerCpuUsageRequests } from '../support/cpu-usage-probe';
import { createMinimalNestApp } from './minimal-nest-app';
import { createProductApp } from './product-bench-server';

export type BenchServerKind = 'minimal-fastify' | 'minimal-express' | 'product';

export interface BenchServerReady {
  readonly port: number;
  /** Product only: the seeded tenant's host and API key. */
  readonly tenantHost?: string;
  readonly apiKey?: string;
}

async function start(kind: BenchServerKind, args: readonly string[]): Promise<BenchServerReady> {
  let app: INestApplication;
  let seeded: Pick<BenchServerReady, 'tenantHost' | 'apiKey'> = {};
  if (kind === 'product') {
    const [mongoUri, redisUrl] = args;
    if (mongoUri === undefined || redisUrl === undefined)
      throw new Error('product needs <mongoUri> <redisUrl>');
    const product = await createProductApp({ mongoUri, redisUrl });
    app = product.app;
    seeded = { tenantHost: product.tenantHost, apiKey: product.apiKey };
  } else {
    app = await createMinimalNestApp(kind === 'minimal-fastify' ? 'fastify' : 'express');
  }
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  process.once('disconnect', () => void app.close().finally(() => process.exit(0)));
  return { port, ...seeded };
}

const [kind, ...rest] = process.argv.slice(2);
start(kind as BenchServerKind, rest).then(
  (ready) => {
    answerCpuUsageRequests();
    process.send?.(ready);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
