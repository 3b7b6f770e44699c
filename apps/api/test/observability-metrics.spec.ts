import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { MetricsServer } from '@tenantpay/platform';
import { Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis, readyHttpApplication } from '@tenantpay/testing';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';
import { PASSWORD, seedTenant, seedUser } from './identity-test-app';

/** The value of one sample line (`name{labels} value`), or undefined when the series is absent. */
function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const body = line.slice(name.length + 1, line.lastIndexOf('}'));
    const found = Object.fromEntries(
      [...body.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((match) => [match[1], match[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

describe('Prometheus metrics on METRICS_PORT (SPEC §13)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let metrics: string;
  let tenantId: string;

  beforeAll(async () => {
    app = await createApiApplication(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }));
    await readyHttpApplication(app);
    const tenant = await seedTenant(app, Tier.Starter, { apiRequestsPerMinute: 2 });
    tenantId = tenant.id;
    await seedUser(app, tenant, 'ops@metrics.test', TenantUserRole.Admin);
    const http = () => request(app.getHttpServer());

    const login = await http()
      .post('/v1/auth/login')
      .set('X-Tenant-ID', tenant.id)
      .send({ email: 'ops@metrics.test', password: PASSWORD })
      .expect(200);
    const token = login.body.accessToken as string;
    // The limiter is a sliding-window counter over minute windows (libs/rate-limiting): three requests that
    // straddle a window's start are weighed as fewer than three, so the third would be admitted. Start them
    // well inside a window so the refusal (and every count below) is deterministic.
    const intoWindowMs = Date.now() % 60_000;
    if (intoWindowMs > 45_000)
      await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindowMs + 100));
    // Two ids of one route: the histogram must name the template once, not each id.
    await http().get('/v1/users/aaaaaaaaaaaaaaaaaaaaaaaa').set('Authorization', `Bearer ${token}`);
    await http().get('/v1/users/bbbbbbbbbbbbbbbbbbbbbbbb').set('Authorization', `Bearer ${token}`);
    await http().get('/v1/users').set('Authorization', `Bearer ${token}`).expect(429);
    await http().get('/v1/no-such-route/123').expect(404);
    await http().get('/no-such-route/456').expect(404);
    await http().get('/health/live').expect(200);

    const port = app.get(MetricsServer).port ?? 0;
    expect(port).toBeGreaterThan(0);
    const scrape = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    metrics = await scrape.text();
  });
  afterAll(async () => {
    await app.close();
  });

  it("is not served on the public API port, where any tenant could read every route's traffic", async () => {
    await request(app.getHttpServer()).get('/metrics').expect(404);
    await request(app.getHttpServer()).get('/v1/metrics').expect(404);
  });

  it('times requests by method, route template and status', () => {
    const count = (labels: Record<string, string>) =>
      sample(metrics, 'http_request_duration_seconds_count', labels);
    expect(count({ method: 'POST', route: '/v1/auth/login', status: '200' })).toBe(1);
    expect(count({ method: 'GET', route: '/v1/users/:id', status: '404' })).toBe(2);
    expect(count({ method: 'GET', route: '/v1/users', status: '429' })).toBe(1);
    expect(count({ method: 'GET', route: '/health/live', status: '200' })).toBe(1);
    // An unmatched path is one series, whatever the path: raw URLs would be unbounded label values.
    expect(count({ method: 'GET', route: 'unmatched', status: '404' })).toBe(2);
    expect(metrics).not.toContain('no-such-route');
    expect(metrics).not.toContain('aaaaaaaaaaaaaaaaaaaaaaaa');
    expect(metrics).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/v1\/users\/:id",status="404"\}/,
    );
  });

  it('counts rate-limit refusals by tier, never by tenant', () => {
    expect(sample(metrics, 'rate_limit_refusals_total', { tier: 'starter' })).toBe(1);
    expect(
      sample(metrics, 'rate_limit_decisions_total', { tier: 'starter', outcome: 'allowed', source: 'redis' }),
    ).toBe(2);
    expect(metrics).not.toContain(tenantId);
  });

  it('counts tenant resolutions by method', () => {
    expect(sample(metrics, 'tenant_resolutions_total', { method: 'header' })).toBe(1);
    expect(sample(metrics, 'tenant_resolutions_total', { method: 'jwt' })).toBe(3);
    expect(sample(metrics, 'tenant_resolutions_total', { method: 'none' })).toBeGreaterThanOrEqual(1);
  });

  it('counts tenant cache lookups by level and result', () => {
    const lookups = (level: string, result: string) =>
      sample(metrics, 'tenant_cache_lookups_total', { level, result }) ?? 0;
    // The first lookup of the tenant misses both levels; the requests after it hit the in-process level.
    expect(lookups('redis', 'miss')).toBeGreaterThanOrEqual(1);
    expect(lookups('local', 'hit')).toBeGreaterThanOrEqual(3);
  });

  it('reports queue depth per registered queue and state', () => {
    expect(sample(metrics, 'queue_jobs', { queue: 'payments', state: 'waiting' })).toBe(0);
  });

  it("includes Node's default metrics and the libraries' own", () => {
    expect(metrics).toContain('process_cpu_user_seconds_total');
    expect(metrics).toContain('nodejs_eventloop_lag_seconds');
    expect(metrics).toContain('# TYPE tenantpay_audit_write_failures_total counter');
    expect(metrics).toContain('# TYPE tenantpay_usage_events_buffered gauge');
  });
});
