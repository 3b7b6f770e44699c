import { Controller, Get, Headers, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetricsServer } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public, Tier, type TenantSnapshot } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiModule } from '../src/api.module';
import { createApiApplication } from '../src/create-api-application';
import { expectApiError, seedTenant } from './identity-test-app';

/** Requests held in a handler until the test lets them go: work in flight, whatever the machine's speed. */
class HeldRequests {
  readonly arrivals: string[] = [];
  private releaseAll: () => void = () => undefined;
  private released = new Promise<void>((resolve) => (this.releaseAll = resolve));

  async hold(tenant: string): Promise<void> {
    this.arrivals.push(tenant);
    await this.released;
  }

  release(): void {
    this.releaseAll();
    this.arrivals.length = 0;
    this.released = new Promise<void>((resolve) => (this.releaseAll = resolve));
  }
}

const held = new HeldRequests();

@Public()
@SkipRateLimit()
@Controller('held')
class HeldController {
  @Get()
  async hold(@Headers('x-tenant-id') tenant: string): Promise<{ held: true }> {
    await held.hold(tenant);
    return { held: true };
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * What an overloaded instance's event loop looks like: busy for 100 ms at a time, with one turn of the loop
 * (timers, sockets) in between, for `ms` milliseconds.
 */
function overloadEventLoop(ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve) => {
    const spin = () => {
      const until = Date.now() + 100;
      while (Date.now() < until) {
        // Busy on purpose.
      }
      if (Date.now() < end) setImmediate(spin);
      else resolve();
    };
    spin();
  });
}

/** The real API plus the held route, listening on a free port, with small bounds. */
class AdmissionTestApi {
  private constructor(
    readonly app: NestFastifyApplication,
    private readonly base: string,
  ) {}

  static async start(variables: Record<string, string>): Promise<AdmissionTestApi> {
    const config = testAppConfig({
      // A fixed limit (floor = ceiling): these tests hold requests for as long as they like.
      ADMISSION_MAX_IN_FLIGHT: '4',
      ADMISSION_MIN_IN_FLIGHT: '4',
      ADMISSION_MAX_IN_FLIGHT_PER_TENANT: '2',
      ADMISSION_RETRY_AFTER_SECONDS: '2',
      ...(variables as { MONGODB_URI: string; REDIS_URL: string }),
    });
    @Module({ imports: [ApiModule.forRoot(config)], controllers: [HeldController] })
    class AdmissionTestModule {}
    const app = await createApiApplication(config, AdmissionTestModule);
    await app.listen(0, '127.0.0.1');
    return new AdmissionTestApi(
      app,
      `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
    );
  }

  async call(path: string, tenant?: TenantSnapshot) {
    const response = await fetch(`${this.base}${path}`, {
      headers: tenant ? { 'X-Tenant-ID': tenant.id } : {},
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      requestId: response.headers.get('x-request-id'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  async shedCount(reason: string): Promise<number> {
    const scrape = await fetch(`http://127.0.0.1:${this.app.get(MetricsServer).port}/metrics`);
    const line = (await scrape.text())
      .split('\n')
      .find((sample) => sample.startsWith(`http_requests_shed_total{reason="${reason}"}`));
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
  }
}

describe('admission control (SPEC §7: overload is refused, not queued)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  describe('in-flight bounds', () => {
    let api: AdmissionTestApi;
    let first: TenantSnapshot;
    let second: TenantSnapshot;
    let third: TenantSnapshot;

    beforeAll(async () => {
      // The event-loop bound at its highest: a slow moment of this shared machine must not shed these requests.
      api = await AdmissionTestApi.start({
        MONGODB_URI: mongo.uri,
        REDIS_URL: redis.url,
        ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '10000',
      });
      first = await seedTenant(api.app, Tier.Enterprise);
      second = await seedTenant(api.app, Tier.Enterprise);
      third = await seedTenant(api.app, Tier.Enterprise);
    });
    afterEach(() => held.release());
    afterAll(async () => {
      held.release();
      await api.app.close();
    });

    it('refuses at once with 503 overloaded and Retry-After when the instance is full, and serves probes', async () => {
      const before = await api.shedCount('instance_in_flight');
      const holding = [first, first, second, second].map((tenant) => api.call('/v1/held', tenant));
      await until(() => held.arrivals.length === 4);

      const refused = await api.call('/v1/held', third);
      expectApiError(refused, 503, 'overloaded');
      expect(refused.retryAfter).toBe('2');
      expect(refused.body['requestId']).toBe(refused.requestId);
      expect(await api.shedCount('instance_in_flight')).toBe(before + 1);
      // Probes are neither counted nor refused: a full instance is busy, not dead.
      expect((await api.call('/health/live')).status).toBe(200);
      expect((await api.call('/health/ready')).status).toBe(200);

      held.release();
      expect((await Promise.all(holding)).map((response) => response.status)).toEqual([200, 200, 200, 200]);
      const admitted = api.call('/v1/held', third);
      await until(() => held.arrivals.length === 1);
      held.release();
      expect((await admitted).status).toBe(200);
    });

    it("refuses a tenant past its share while another tenant's requests are still admitted", async () => {
      const before = await api.shedCount('tenant_in_flight');
      const holding = [api.call('/v1/held', first), api.call('/v1/held', first)];
      await until(() => held.arrivals.length === 2);

      const refused = await api.call('/v1/held', first);
      expectApiError(refused, 503, 'overloaded');
      expect(refused.retryAfter).toBe('2');
      expect(await api.shedCount('tenant_in_flight')).toBe(before + 1);

      const other = api.call('/v1/held', second);
      await until(() => held.arrivals.length === 3);
      expect(held.arrivals.at(-1)).toBe(second.id);

      held.release();
      expect((await Promise.all([...holding, other])).map((response) => response.status)).toEqual([
        200, 200, 200,
      ]);
    });
  });

  describe('event-loop delay bound', () => {
    let api: AdmissionTestApi;
    let tenant: TenantSnapshot;

    beforeAll(async () => {
      api = await AdmissionTestApi.start({
        MONGODB_URI: mongo.uri,
        REDIS_URL: redis.url,
        ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '20',
      });
      tenant = await seedTenant(api.app, Tier.Enterprise);
    });
    afterAll(async () => {
      await api.app.close();
    });

    it('refuses new requests while the event loop lags past the threshold, and admits again once it recovers', async () => {
      const before = await api.shedCount('event_loop_delay');
      const overloaded = overloadEventLoop(2_500);
      // Two of the delay monitor's windows in, the loop is measured as lagging.
      await delay(1_200);
      const refused = await api.call('/v1/branding', tenant);
      const probe = await api.call('/health/live');
      await overloaded;
      expectApiError(refused, 503, 'overloaded');
      expect(await api.shedCount('event_loop_delay')).toBeGreaterThan(before);
      expect(probe.status).toBe(200);

      let status = 0;
      const deadline = Date.now() + 5_000;
      while (status !== 200 && Date.now() < deadline) {
        status = (await api.call('/v1/branding', tenant)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
    });
  });
});
