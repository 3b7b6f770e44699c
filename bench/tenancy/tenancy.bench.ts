/**
 * What tenancy costs a request on the cache-hit path (issue 4), against the real API (ApiModule, the
 * production HTTP stack), an embedded MongoDB and a redis-server child process:
 *   node -r @swc-node/register bench/tenancy/tenancy.bench.ts [--quick]
 * Prints one JSON document: TenantResolverService.resolve latency (p50/p99 µs) by resolution method, and
 * requests/s of an authenticated no-op route through the whole chain against the same route with the chain
 * switched off, each the median of 3 runs. Target: the chain costs under 10% of throughput.
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: see the file.
import { writeResult } from './stdout-to-stderr';

import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AccessTokenService, TenantUserRole, UsersService } from '@tenantpay/identity';
import { RedisServerProcess, startMongo } from '@tenantpay/local-services';
import {
  configureHttpApplication,
  HTTP_APPLICATION_OPTIONS,
  HttpMetricsMiddleware,
  loadConfig,
} from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import {
  Public,
  ResolutionMethod,
  type ResolutionInput,
  type TenantLimits,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  TenantResolverService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ApiModule } from '../../apps/api/src/api.module';
import { type LoadRequest, type LoadResult, nearestRank, runLoad } from '../load/load-generator';

const BASE_DOMAIN = 'bench.test';
const FINITE_HIGH_LIMIT = 10_000_000;

interface Settings {
  readonly runs: number;
  readonly resolutionWarmup: number;
  readonly resolutionIterations: number;
  readonly connections: number;
  readonly httpWarmupMs: number;
  readonly httpDurationMs: number;
}

const FULL: Settings = {
  runs: 3,
  resolutionWarmup: 5_000,
  resolutionIterations: 50_000,
  connections: 32,
  httpWarmupMs: 2_000,
  httpDurationMs: 6_000,
};
const QUICK: Settings = {
  runs: 1,
  resolutionWarmup: 500,
  resolutionIterations: 2_000,
  connections: 16,
  httpWarmupMs: 500,
  httpDurationMs: 1_500,
};

/**
 * "Chain switched off" is the same route code in the same app, marked @Public() and @SkipRateLimit() and
 * called on the bare base domain without credentials. This is the fairest comparison available: both
 * sides share one process, JIT state and the whole production HTTP stack (helmet, request ids, pino
 * request logging, HTTP metrics, pipes, exception filter), so the difference is exactly what an
 * authenticated tenant request adds: JWT verification, two tenant cache lookups (token claim and
 * subdomain), the guards' real checks and the rate-limit + usage Redis round trip. A bare Nest app would
 * also drop the middleware's and guards' fixed cost, but would differ in module graph and global
 * enhancers too. The floor the open route still pays (an empty resolution, guards short-circuiting on
 * @Public) is reported separately as resolution "none", so the overhead here slightly understates the
 * chain's full cost by about that much.
 */
@Controller('bench')
class BenchNoopController {
  @Get('noop')
  authenticated(): { ok: true } {
    return { ok: true };
  }

  @Get('open')
  @Public()
  @SkipRateLimit()
  open(): { ok: true } {
    return { ok: true };
  }
}

interface BenchTenant {
  readonly tenant: TenantSnapshot;
  readonly token: string;
}

async function seedTenant(app: NestExpressApplication, limits: Partial<TenantLimits>): Promise<BenchTenant> {
  const slug = `bench${randomBytes(4).toString('hex')}`;
  const tenantContext = app.get(TenantContextService);
  const created = await tenantContext.runAsPlatform('benchmark setup', async () => {
    const admin = app.get(TenantAdminService);
    const view = await admin.create({ slug, name: `Bench ${slug}`, tier: Tier.Enterprise });
    return admin.setLimitOverrides(view.id, limits);
  });
  const tenant = await app.get(TenantLookupService).findById(created.id);
  if (tenant === null) throw new Error('seeded tenant not found');
  const context = { tenant, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'bench' };
  const user = await tenantContext.run(context, () =>
    app.get(UsersService).create({
      email: `bench@${slug}.example.com`,
      password: randomBytes(16).toString('hex'),
      role: TenantUserRole.Viewer,
    }),
  );
  const issued = await app
    .get(AccessTokenService)
    .issue({ kind: 'user', userId: user.id, tenantId: tenant.id, role: TenantUserRole.Viewer });
  return { tenant, token: issued.accessToken };
}

async function redisCommandsProcessed(redis: Redis): Promise<number> {
  const match = /total_commands_processed:(\d+)/.exec(await redis.info('stats'));
  return Number(match?.[1] ?? Number.NaN);
}

interface ResolutionSample {
  readonly p50Us: number;
  readonly p99Us: number;
  /** Commands redis-server processed during the timed calls (the probe's own INFO included): ~0 = in-process hits. */
  readonly redisCommands: number;
}

async function measureResolution(
  resolver: TenantResolverService,
  input: ResolutionInput,
  expectedTenantId: string | null,
  redis: Redis,
  settings: Settings,
): Promise<ResolutionSample> {
  for (let i = 0; i < settings.resolutionWarmup; i += 1) await resolver.resolve(input);
  const check = await resolver.resolve(input);
  if ((check.context.tenant?.id ?? null) !== expectedTenantId)
    throw new Error(`resolution found ${check.context.tenant?.id ?? 'no tenant'}, not ${expectedTenantId}`);

  const samplesNs = new Float64Array(settings.resolutionIterations);
  const commandsBefore = await redisCommandsProcessed(redis);
  for (let i = 0; i < samplesNs.length; i += 1) {
    const start = process.hrtime.bigint();
    await resolver.resolve(input);
    samplesNs[i] = Number(process.hrtime.bigint() - start);
  }
  const redisCommands = (await redisCommandsProcessed(redis)) - commandsBefore;
  samplesNs.sort();
  return {
    p50Us: nearestRank(samplesNs, 0.5) / 1000,
    p99Us: nearestRank(samplesNs, 0.99) / 1000,
    redisCommands,
  };
}

function median(values: readonly number[]): number {
  return nearestRank(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

async function main(): Promise<unknown> {
  const settings = process.argv.includes('--quick') ? QUICK : FULL;
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const mongo = await startMongo({ log });
  const redisServer = await RedisServerProcess.start();
  const probe = new Redis(redisServer.url);
  let app: NestExpressApplication | undefined;
  try {
    const config = loadConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redisServer.url,
      JWT_SIGNING_KEYS: `k1:${randomBytes(24).toString('hex')}`,
      LOG_LEVEL: 'silent',
      BASE_DOMAIN,
    });

    @Module({ imports: [ApiModule.forRoot(config)], controllers: [BenchNoopController] })
    class TenancyBenchModule {}

    // As createApiApplication builds it (minus the OpenAPI document, which serves no measured route).
    app = await NestFactory.create<NestExpressApplication>(TenancyBenchModule, HTTP_APPLICATION_OPTIONS);
    configureHttpApplication(app);
    const httpMetrics = app.get(HttpMetricsMiddleware);
    app.use(httpMetrics.use.bind(httpMetrics));
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;

    // An unlimited policy is decided without Redis; the finite one pays the rate-limit + usage round trip.
    const unlimited = await seedTenant(app, { apiRequestsPerMinute: 'unlimited' });
    const finite = await seedTenant(app, { apiRequestsPerMinute: FINITE_HIGH_LIMIT });

    // --- 1. TenantResolverService.resolve on the cache-hit path ---
    const resolver = app.get(TenantResolverService);
    const slug = unlimited.tenant.slug;
    const host = (hostname: string, headers: Record<string, string> = {}): ResolutionInput => ({
      headers: { host: hostname, ...headers },
      hostname,
      ip: '127.0.0.1',
      requestId: 'bench',
    });
    const resolutionCases: Record<string, { input: ResolutionInput; tenantId: string | null }> = {
      subdomain: { input: host(`${slug}.${BASE_DOMAIN}`), tenantId: unlimited.tenant.id },
      'x-tenant-id header': {
        input: host(BASE_DOMAIN, { 'x-tenant-id': slug }),
        tenantId: unlimited.tenant.id,
      },
      'x-tenant-id header (tenant id)': {
        input: host(BASE_DOMAIN, { 'x-tenant-id': unlimited.tenant.id }),
        tenantId: unlimited.tenant.id,
      },
      'jwt + subdomain (as the HTTP scenario)': {
        input: host(`${slug}.${BASE_DOMAIN}`, { authorization: `Bearer ${unlimited.token}` }),
        tenantId: unlimited.tenant.id,
      },
      'none (base domain, no credential: the open route floor)': { input: host(BASE_DOMAIN), tenantId: null },
    };
    const resolutionRuns: Record<string, ResolutionSample[]> = {};
    for (let run = 0; run < settings.runs; run += 1) {
      for (const [name, { input, tenantId }] of Object.entries(resolutionCases)) {
        const sample = await measureResolution(resolver, input, tenantId, probe, settings);
        (resolutionRuns[name] ??= []).push(sample);
        log(
          `resolution ${name} run ${run + 1}: p50 ${sample.p50Us.toFixed(2)} µs, p99 ${sample.p99Us.toFixed(2)} µs`,
        );
      }
    }

    // --- 2. Requests/s through the whole chain vs the chain switched off ---
    const scenarios: Record<string, Pick<LoadRequest, 'path' | 'headers'>> = {
      'chain off (@Public @SkipRateLimit, base domain, no credential)': {
        path: '/v1/bench/open',
        headers: { host: BASE_DOMAIN },
      },
      'chain on, unlimited policy (no Redis call)': {
        path: '/v1/bench/noop',
        headers: {
          host: `${unlimited.tenant.slug}.${BASE_DOMAIN}`,
          authorization: `Bearer ${unlimited.token}`,
        },
      },
      [`chain on, ${FINITE_HIGH_LIMIT}/min (rate limit + usage Redis call)`]: {
        path: '/v1/bench/noop',
        headers: { host: `${finite.tenant.slug}.${BASE_DOMAIN}`, authorization: `Bearer ${finite.token}` },
      },
    };
    const httpRuns: Record<string, (LoadResult & { serverLoopUtilization: number })[]> = {};
    // Interleaved, so drift (thermal, GC, a noisy neighbour) spreads over every scenario alike.
    for (let run = 0; run < settings.runs; run += 1) {
      for (const [name, scenario] of Object.entries(scenarios)) {
        const loopBefore = performance.eventLoopUtilization();
        const result = await runLoad({
          port,
          ...scenario,
          connections: settings.connections,
          warmupMs: settings.httpWarmupMs,
          durationMs: settings.httpDurationMs,
        });
        // Near 1: the server's event loop was the bottleneck, so req/s measures its cost per request.
        const serverLoopUtilization = performance.eventLoopUtilization(loopBefore).utilization;
        const statuses = Object.keys(result.statuses);
        if (result.errors > 0 || statuses.length !== 1 || statuses[0] !== '200')
          throw new Error(`${name}: not every request succeeded: ${JSON.stringify(result)}`);
        (httpRuns[name] ??= []).push({ ...result, serverLoopUtilization });
        log(
          `http ${name} run ${run + 1}: ${result.requestsPerSecond.toFixed(0)} req/s, ` +
            `server event loop ${(serverLoopUtilization * 100).toFixed(0)}% busy`,
        );
      }
    }

    const httpSummary = Object.fromEntries(
      Object.entries(httpRuns).map(([name, results]) => [
        name,
        {
          requestsPerSecond: round(median(results.map((r) => r.requestsPerSecond)), 0),
          latencyP50Us: round(median(results.map((r) => r.latencyP50Us))),
          latencyP99Us: round(median(results.map((r) => r.latencyP99Us))),
          serverEventLoopUtilization: round(median(results.map((r) => r.serverLoopUtilization)), 2),
          runs: results.map((r) => round(r.requestsPerSecond, 0)),
        },
      ]),
    );
    const [offName, ...onNames] = Object.keys(scenarios);
    const offRps = httpSummary[offName ?? '']?.requestsPerSecond ?? Number.NaN;
    const overhead = Object.fromEntries(
      onNames.map((name) => {
        const onRps = httpSummary[name]?.requestsPerSecond ?? Number.NaN;
        return [
          name,
          {
            throughputLossPercent: round(((offRps - onRps) / offRps) * 100),
            // The server is one event loop, so 1/throughput is its time per request.
            addedServerTimePerRequestUs: round(1e6 / onRps - 1e6 / offRps),
            meetsTarget: (offRps - onRps) / offRps < 0.1,
          },
        ];
      }),
    );

    return {
      settings: { ...settings, quick: settings === QUICK },
      environment: {
        node: process.version,
        mongo: mongo.kind,
        localTenantCacheActive: app.get(TenantLookupService).localCacheActive,
        loadGenerator:
          'bench/load/load-generator.ts: autocannon in one forked process, `connections` connections',
      },
      resolutionLatency: Object.fromEntries(
        Object.entries(resolutionRuns).map(([name, samples]) => [
          name,
          {
            p50Us: round(median(samples.map((s) => s.p50Us)), 2),
            p99Us: round(median(samples.map((s) => s.p99Us)), 2),
            redisCommandsPerRun: samples.map((s) => s.redisCommands),
          },
        ]),
      ),
      http: httpSummary,
      chainOverhead: overhead,
    };
  } finally {
    probe.disconnect();
    await app?.close();
    await redisServer.stop();
    await mongo.stop();
  }
}

main().then(writeResult, (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
