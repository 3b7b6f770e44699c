/**
 * Bad input against every route the API serves (issue 8): fast-check builds bodies, query strings, path
 * parameters, hosts and headers, sends them as tenant A (and, less often, as other callers), and checks
 * that no answer is a 5xx, that every error has the SPEC §12 shape without internals, and that no answer
 * carries another tenant's data.
 *
 * A second property (issue 15) is exhaustive rather than random: every field of every operation's body and every
 * query parameter, each given each hostile value in turn (null, wrong types, NUL, unpaired surrogates, huge
 * numbers, `$` keys, oversize text; deep nesting and prototype keys for whole bodies).
 *
 * The budget is small for `npm test`; FUZZ_RUNS raises it for soak runs, FUZZ_SEED replays a failure
 * (fast-check prints the seed and path of every counterexample), FUZZ_ROUTE narrows it to routes whose
 * `METHOD /path` contains the given text.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { type TenantSnapshot, Tier, UNLIMITED } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';
import { PASSWORD, seedPlatformUser, seedTenant, seedUser } from './identity-test-app';
import { loginAs } from './payments-test-app';
import {
  HOSTILE_QUERY_VALUES,
  headerGarbage,
  hostileFieldCases,
  type JsonSchema,
  pathParameter,
  queryString,
  type QueryParameter,
  requestBody,
  type RequestBody,
  schemaValue,
  stackTraceFragments,
} from './support/bad-input-arbitraries';
import { servedRoutes } from './support/served-routes';

const RUNS_PER_ROUTE = Number(process.env['FUZZ_RUNS'] ?? 8);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_123);
const ROUTE_FILTER = process.env['FUZZ_ROUTE'] ?? '';
const BASE_DOMAIN = 'tenantpay.test';
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ERROR_KEYS = new Set(['error', 'message', 'details', 'requestId', 'timestamp']);

type TenantKey = 'A' | 'B' | 'C';

interface Parameter {
  readonly $ref?: string;
  readonly in?: string;
  readonly name?: string;
  readonly schema?: JsonSchema;
}
interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: JsonSchema }> };
}
interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

/** A seeded tenant and everything of it that no other tenant's caller may ever see. */
interface SeededTenant {
  readonly key: TenantKey;
  readonly snapshot: TenantSnapshot;
  /** A unique string inside every text seeded for this tenant (references, names, URLs, emails). */
  readonly marker: string;
  /** Its custom domain (enterprise tenants), a secret of its own: requests send it as a Host. */
  readonly domain: string;
  /** Its marker, id, slug, token, API key and the id of every document it owns. */
  readonly secrets: string[];
  readonly jwt: string;
  readonly apiKey?: string;
}

/** Who a request authenticates as: the tenants whose data it may legitimately see. */
interface Caller {
  readonly label: string;
  readonly headers: Record<string, string>;
  readonly sees: readonly TenantKey[] | 'every tenant';
}

interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly caller: Caller;
  readonly body: RequestBody | undefined;
}

interface FuzzResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

const truncate = (text: string, length = 400) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

/** What fast-check prints for a counterexample: the request as sent, cut short where it is huge. */
function describeRequest(fuzz: FuzzRequest): string {
  const headers = Object.entries(fuzz.headers)
    .map(([name, value]) => `${name}: ${truncate(value, 120)}`)
    .join(' | ');
  const body = fuzz.body ? ` body(${fuzz.body.contentType}) ${truncate(fuzz.body.payload, 300)}` : '';
  return `${fuzz.method} ${truncate(fuzz.path, 300)} as ${fuzz.caller.label} [${headers}]${body}`;
}

describe('API bad input (issue 8: every route, generated input)', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order; close while Redis is still up.
  afterAll(async () => {
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let config: AppConfig;
  let port: number;
  let document: OpenApiDocument;
  let routes: string[];
  const tenants = {} as Record<TenantKey, SeededTenant>;
  let superAdminJwt: string;
  /** Ids of documents a fuzzed request may be pointed at (the ones callers authenticate with excluded). */
  let targetIds: string[];
  let hostnames: string[];
  const protectedIds = new Set<string>();

  const http = () => request(app.getHttpServer());

  async function seedEnterpriseData(tenant: TenantSnapshot, marker: string, domain: string, jwt: string) {
    const auth = { Authorization: `Bearer ${jwt}` };
    await http()
      .put('/v1/branding')
      .set(auth)
      .send({ displayName: `Brand ${marker}-public`, supportEmail: `help@${marker}.example` })
      .expect(200);
    const apiKey = await http()
      .post('/v1/api-keys')
      .set(auth)
      .send({
        name: `key ${marker}`,
        scopes: ['payments:read', 'payments:write', 'usage:read', 'webhooks:manage'],
      })
      .expect(201);
    protectedIds.add(apiKey.body.id as string);
    // A second key and user the fuzzer may revoke, rotate or deactivate without locking itself out.
    await http()
      .post('/v1/api-keys')
      .set(auth)
      .send({ name: `spare ${marker}`, scopes: ['usage:read'] })
      .expect(201);
    await seedUser(app, tenant, `spare-${marker}@example.com`, TenantUserRole.Viewer);
    await http()
      .post('/v1/webhook-endpoints')
      .set(auth)
      .send({ url: `http://localhost/${marker}`, events: ['*'], description: `hook ${marker}` })
      .expect(201);
    await http().post('/v1/domains').set(auth).send({ hostname: domain }).expect(201);
    return apiKey.body.key as string;
  }

  async function seedPayments(marker: string, jwt: string) {
    for (const amount of [1050, 2_000_000]) {
      await http()
        .post('/v1/payments')
        .set({ Authorization: `Bearer ${jwt}` })
        .send({
          amount,
          currency: 'EUR',
          method: 'card',
          reference: `ref-${marker}-${amount}`,
          description: `payment ${marker}`,
          metadata: { order: `order-${marker}` },
        })
        .expect(201);
    }
  }

  async function seed(key: TenantKey, tier: Tier): Promise<SeededTenant> {
    // The fuzz tenants' own quota never gets in the way; the STARTER tenant keeps its tier's limit.
    const snapshot = await seedTenant(
      app,
      tier,
      tier === Tier.Enterprise ? { apiRequestsPerMinute: UNLIMITED } : undefined,
    );
    const marker = `mk${key}${randomBytes(6).toString('hex')}`;
    const domain = `dom${key}${randomBytes(6).toString('hex')}.example.com`;
    const email = `admin-${marker}@example.com`;
    protectedIds.add(await seedUser(app, snapshot, email, TenantUserRole.Admin));
    const jwt = await loginAs(app, snapshot, email);
    const apiKey =
      tier === Tier.Enterprise ? await seedEnterpriseData(snapshot, marker, domain, jwt) : undefined;
    await seedPayments(marker, jwt);
    return {
      key,
      snapshot,
      marker,
      domain,
      secrets: [marker, domain, snapshot.id, snapshot.slug, jwt, ...(apiKey ? [apiKey] : [])],
      jwt,
      ...(apiKey ? { apiKey } : {}),
    };
  }

  /** Every document id each tenant owns, from every collection: the ids a leak would show. */
  async function ownedIds(): Promise<Map<string, string[]>> {
    const byTenant = new Map<string, string[]>();
    for (const { name } of await mongo.db.listCollections().toArray()) {
      const documents = await mongo.db
        .collection(name)
        .find({ tenantId: { $exists: true } }, { projection: { _id: 1, tenantId: 1 } })
        .toArray();
      for (const { _id, tenantId } of documents) {
        const owner = String(tenantId);
        if (_id instanceof ObjectId) byTenant.set(owner, [...(byTenant.get(owner) ?? []), _id.toHexString()]);
      }
    }
    return byTenant;
  }

  beforeAll(async () => {
    app = await createApiApplication(
      testAppConfig({
        MONGODB_URI: mongo.uri,
        REDIS_URL: redis.url,
        BASE_DOMAIN,
        WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        WEBHOOK_ALLOWED_HOSTS: 'localhost,127.0.0.1',
      }),
    );
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    config = app.get<AppConfig>(APP_CONFIG);
    document = (await http().get('/v1/docs/openapi.json').expect(200)).body as OpenApiDocument;
    // The staff console's page answers 503 by design on a server that has not built the console, as this one
    // (the console's own Chromium specs build and serve it); its assets route is fuzzed like any other.
    routes = servedRoutes(app).filter((route) => route !== 'GET /');

    tenants.A = await seed('A', Tier.Enterprise);
    tenants.B = await seed('B', Tier.Enterprise);
    tenants.C = await seed('C', Tier.Starter);
    // A tenant super-admin routes may suspend, re-tier or rename without changing the callers' tenants.
    const spare = await seedTenant(app, Tier.Enterprise);
    await seedPlatformUser(app, 'root@platform.test');
    superAdminJwt = (
      await http()
        .post('/v1/platform/auth/login')
        .send({ email: 'root@platform.test', password: PASSWORD })
        .expect(200)
    ).body.accessToken as string;

    const ids = await ownedIds();
    for (const tenant of Object.values(tenants)) tenant.secrets.push(...(ids.get(tenant.snapshot.id) ?? []));
    targetIds = [
      spare.id,
      tenants.B.snapshot.id,
      ...[tenants.A, tenants.B].flatMap((tenant) => ids.get(tenant.snapshot.id) ?? []),
    ].filter((id) => !protectedIds.has(id));
    hostnames = [tenants.A.domain, tenants.B.domain];
  }, 60_000);

  it('finds every documented operation among the routes the app serves', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThanOrEqual(documented.length);
    expect(documented.filter((operation) => !routes.includes(operation))).toEqual([]);
  });

  /** The callers a request may come from: mostly tenant A, as the issue asks, or on platform routes a super-admin. */
  function callers(platformRoute: boolean): fc.Arbitrary<Caller> {
    const { A, B, C } = tenants;
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    const [header = '', payload = '', signature = ''] = A.jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = (patch: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ ...claims, ...patch })).toString('base64url');
    const unsigned = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const garbage: fc.Arbitrary<Record<string, string>> = fc.oneof(
      headerGarbage().map((value) => ({ Authorization: value })),
      headerGarbage().map((value) => ({ Authorization: `Bearer ${value}` })),
      headerGarbage().map((value) => ({ 'X-API-Key': value })),
      fc.constantFrom<Record<string, string>>(
        { Authorization: 'Bearer' },
        { Authorization: 'Bearer ' },
        { Authorization: 'Basic YWRtaW46YWRtaW4=' },
        { Authorization: `Bearer ${header}.${forged({ tid: B.snapshot.id })}.${signature}` },
        { Authorization: `Bearer ${unsigned}.${forged({ tid: B.snapshot.id })}.` },
        { Authorization: `Bearer ${header}.${forged({ role: 'SUPER_ADMIN', tid: undefined })}.${signature}` },
        { Authorization: `Bearer ${A.jwt.slice(0, -2)}` },
        { Authorization: `Bearer ${A.jwt}.${A.jwt}` },
        { Authorization: `Bearer ${(A.apiKey ?? '').slice(0, -1)}x` },
        { 'X-API-Key': `${(B.apiKey ?? '').slice(0, -1)}x` },
      ),
    );
    return fc.oneof(
      {
        weight: 10,
        arbitrary: fc.constant<Caller>({ label: 'A admin (JWT)', headers: bearer(A.jwt), sees: ['A'] }),
      },
      {
        weight: 2,
        arbitrary: fc.constant<Caller>({ label: 'A API key', headers: bearer(A.apiKey ?? ''), sees: ['A'] }),
      },
      {
        weight: 1,
        arbitrary: fc.constant<Caller>({
          label: 'A API key (X-API-Key)',
          headers: { 'X-API-Key': A.apiKey ?? '' },
          sees: ['A'],
        }),
      },
      {
        weight: 1,
        arbitrary: fc.constant<Caller>({
          label: 'A JWT with B API key',
          headers: { ...bearer(A.jwt), 'X-API-Key': B.apiKey ?? '' },
          sees: ['A', 'B'],
        }),
      },
      // A STARTER tenant on its tier's rate limit: these requests go through the limiter for real.
      {
        weight: 2,
        arbitrary: fc.constant<Caller>({ label: 'C admin (STARTER)', headers: bearer(C.jwt), sees: ['C'] }),
      },
      {
        weight: 1,
        arbitrary: fc.constant<Caller>({ label: 'B admin (JWT)', headers: bearer(B.jwt), sees: ['B'] }),
      },
      {
        weight: platformRoute ? 12 : 2,
        arbitrary: fc.constant<Caller>({
          label: 'super-admin',
          headers: bearer(superAdminJwt),
          sees: 'every tenant',
        }),
      },
      { weight: 1, arbitrary: fc.constant<Caller>({ label: 'anonymous', headers: {}, sees: [] }) },
      {
        weight: 3,
        arbitrary: garbage.map((headers) => ({ label: 'malformed credential', headers, sees: [] })),
      },
    );
  }

  /** Tenant A's own credentials, or a super-admin's where the route is a platform route. */
  function ownCallers(platformRoute: boolean): fc.Arbitrary<Caller> {
    const { A } = tenants;
    const own: Caller[] = [
      { label: 'A admin (JWT)', headers: { Authorization: `Bearer ${A.jwt}` }, sees: ['A'] },
      { label: 'A API key', headers: { 'X-API-Key': A.apiKey ?? '' }, sees: ['A'] },
    ];
    const superAdmin: Caller = {
      label: 'super-admin',
      headers: { Authorization: `Bearer ${superAdminJwt}` },
      sees: 'every tenant',
    };
    return platformRoute ? fc.constant(superAdmin) : fc.constantFrom(...own);
  }

  /** Nothing, or tenant A's own host and id, with sane request ids and idempotency keys. */
  function ownIdentityHeaders(): fc.Arbitrary<Record<string, string>> {
    const { A } = tenants;
    return fc.oneof(
      fc.constantFrom<Record<string, string>>(
        {},
        { Host: `${A.snapshot.slug}.${BASE_DOMAIN}` },
        { 'X-Tenant-ID': A.snapshot.id, 'X-Request-Id': 'fuzz-1' },
      ),
      fc.uuid().map((key) => ({ 'Idempotency-Key': key })),
    );
  }

  /** Host, X-Tenant-ID (often another tenant's), X-Request-Id, Idempotency-Key and friends, each often absent. */
  function identityHeaders(): fc.Arbitrary<Record<string, string>> {
    const { A, B, C } = tenants;
    const sub = (slug: string) => `${slug}.${BASE_DOMAIN}`;
    // Another tenant's host or id is what a cross-tenant attempt looks like: the commonest hostile value.
    const host = fc.oneof(
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          sub(B.snapshot.slug),
          sub(C.snapshot.slug),
          `${sub(B.snapshot.slug)}.`,
          `${sub(B.snapshot.slug).toUpperCase()}:8443`,
          `api.${sub(B.snapshot.slug)}`,
          B.domain,
        ),
      },
      fc.constantFrom(
        sub(A.snapshot.slug),
        `www.${BASE_DOMAIN}`,
        BASE_DOMAIN,
        sub('unknown-bank'),
        sub('admin'),
        'evil.example',
        '[::1]:3000',
        '127.0.0.1:1',
        '',
      ),
      headerGarbage(),
    );
    const tenantId = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(B.snapshot.id, C.snapshot.id, B.snapshot.slug) },
      fc.constantFrom(A.snapshot.id, '000000000000000000000000'),
      headerGarbage(),
    );
    const requestId = fc.oneof(fc.constantFrom('req-1', 'a'.repeat(128)), headerGarbage(200));
    const idempotencyKey = fc.oneof(fc.uuid(), headerGarbage(300), fc.constant('k'.repeat(1_000)));
    const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight = 1, absent = 3) =>
      fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight, arbitrary });
    return fc
      .record({
        Host: sometimes(host, 1, 2),
        'X-Tenant-ID': sometimes(tenantId, 1, 2),
        'X-Request-Id': sometimes(requestId),
        'Idempotency-Key': sometimes(idempotencyKey, 2),
        'X-Forwarded-For': sometimes(headerGarbage(), 1, 6),
      })
      .map((headers) =>
        Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)),
      ) as fc.Arbitrary<Record<string, string>>;
  }

  function operationOf(route: string): Operation {
    const [method = '', path = ''] = route.split(' ');
    return document.paths[path]?.[method.toLowerCase()] ?? {};
  }

  function fuzzRequests(route: string): fc.Arbitrary<FuzzRequest> {
    const [method = '', template = ''] = route.split(' ');
    const operation = operationOf(route);
    const schemas = document.components.schemas;
    const queryParameters: QueryParameter[] = (operation.parameters ?? []).flatMap((parameter) =>
      parameter.in === 'query' && parameter.name !== undefined
        ? [{ name: parameter.name, schema: parameter.schema ?? {} }]
        : [],
    );
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
    const pathValues = fc.tuple(
      ...names.map((name) => pathParameter(name === 'hostname' ? hostnames : targetIds)),
    );
    const bodySchema = Object.values(operation.requestBody?.content ?? {})[0]?.schema;
    const platformRoute = /^\/v1\/(?:admin|platform)\//.test(template);
    // Half well-formed (tenant A's own credentials and hosts, documented query values, schema-shaped
    // bodies), so requests reach services and repositories; half hostile everywhere.
    const variant = (hostile: boolean) =>
      fc.record({
        values: pathValues,
        query: queryString(queryParameters, schemas, hostile),
        body: requestBody(bodySchema, schemas, config.http.bodyLimitBytes, hostile),
        caller: hostile ? callers(platformRoute) : ownCallers(platformRoute),
        headers: hostile ? identityHeaders() : ownIdentityHeaders(),
      });
    return fc.oneof(variant(false), variant(true)).map(({ values, query, body, caller, headers }) => {
      const path = names.reduce(
        (built, name, index) => built.replace(`{${name}}`, values[index] ?? ''),
        template,
      );
      const fuzz: FuzzRequest = {
        method,
        path: query === '' ? path : `${path}?${query}`,
        headers: { ...headers, ...caller.headers },
        caller,
        body,
      };
      return Object.assign(fuzz, { [fc.toStringMethod]: () => describeRequest(fuzz) });
    });
  }

  function send(fuzz: FuzzRequest): Promise<FuzzResponse> {
    const payload = fuzz.body === undefined ? undefined : Buffer.from(fuzz.body.payload);
    const headers: Record<string, string | number> = { ...fuzz.headers };
    if (payload !== undefined) {
      headers['Content-Length'] = payload.length;
      if (fuzz.body?.contentType !== '') headers['Content-Type'] = fuzz.body?.contentType ?? '';
    }
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port, method: fuzz.method, path: fuzz.path, headers, agent: false },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              headers: incoming.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  /** Everything wrong with one answer; empty when it is acceptable. */
  function problemsWith(fuzz: FuzzRequest, response: FuzzResponse): string[] {
    const problems: string[] = [];
    if (response.status >= 500) problems.push(`answered ${response.status}`);
    const requestId = response.headers['x-request-id'];
    if (typeof requestId !== 'string' || !SANE_REQUEST_ID.test(requestId)) {
      problems.push(`X-Request-Id header is not a sane id: ${JSON.stringify(requestId)}`);
    }
    if (response.status >= 400) problems.push(...errorShapeProblems(response, requestId));
    const everything = `${JSON.stringify(response.headers)}\n${response.text}`;
    for (const fragment of stackTraceFragments(everything)) problems.push(`leaks internals: ${fragment}`);
    problems.push(...leaks(fuzz, everything));
    if (Object.getOwnPropertyNames(Object.prototype).some((name) => !PRISTINE_PROTOTYPE.has(name))) {
      problems.push('Object.prototype was polluted');
    }
    return problems;
  }

  function errorShapeProblems(response: FuzzResponse, requestId: unknown): string[] {
    if (!String(response.headers['content-type'] ?? '').startsWith('application/json')) {
      return [`error is not JSON (${String(response.headers['content-type'])})`];
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(response.text) as Record<string, unknown>;
    } catch {
      return ['error body does not parse as JSON'];
    }
    const problems: string[] = [];
    if (typeof body['error'] !== 'string' || !/^[a-z]+(?:_[a-z]+)*$/.test(body['error'])) {
      problems.push('error code missing or not snake_case');
    }
    if (typeof body['message'] !== 'string' || body['message'] === '') problems.push('message missing');
    if (body['requestId'] !== requestId) problems.push('requestId differs from the X-Request-Id header');
    if (typeof body['timestamp'] !== 'string' || !ISO_TIMESTAMP.test(body['timestamp'])) {
      problems.push('timestamp missing or not ISO 8601');
    }
    const extra = Object.keys(body).filter((key) => !ERROR_KEYS.has(key));
    if (extra.length > 0) problems.push(`error has extra keys: ${extra.join(', ')}`);
    return problems;
  }

  /**
   * Another tenant's ids, markers or credentials in the answer, unless the caller is that tenant (or a
   * super-admin), the request itself carried the value (an echo of the caller's own input is no leak), or
   * an earlier request named it in Host or X-Tenant-ID (audit trails rightly record what a tenant's own
   * callers named). Public branding is also fine for whoever names the tenant by host or X-Tenant-ID.
   */
  function leaks(fuzz: FuzzRequest, answer: string): string[] {
    if (fuzz.caller.sees === 'every tenant') return [];
    const sent = `${fuzz.path}\n${JSON.stringify(fuzz.headers)}\n${fuzz.body?.payload ?? ''}`;
    const sees = fuzz.caller.sees;
    return Object.values(tenants).flatMap((tenant) => {
      if (sees.includes(tenant.key)) return [];
      const named = sent.includes(tenant.snapshot.id) || sent.toLowerCase().includes(tenant.snapshot.slug);
      return tenant.secrets
        .filter((secret) => answer.includes(secret) && !sent.includes(secret) && !namedEarlier.has(secret))
        .filter((secret) => !(named && secret === tenant.marker && onlyInPublicBranding(answer, tenant)))
        .map((secret) => `answer carries tenant ${tenant.key}'s ${truncate(secret, 40)}`);
    });
  }

  const namedEarlier = new Set<string>();
  function rememberNamed(fuzz: FuzzRequest): void {
    const named = `${fuzz.headers['Host'] ?? ''}\n${fuzz.headers['X-Tenant-ID'] ?? ''}`.toLowerCase();
    for (const tenant of Object.values(tenants)) {
      for (const secret of tenant.secrets) if (named.includes(secret.toLowerCase())) namedEarlier.add(secret);
    }
  }

  /** The tenant's marker appears only inside what its public branding shows (see seedEnterpriseData). */
  function onlyInPublicBranding(answer: string, tenant: SeededTenant): boolean {
    const publicTexts = [`Brand ${tenant.marker}-public`, `help@${tenant.marker}.example`];
    return !publicTexts.reduce((rest, text) => rest.split(text).join(''), answer).includes(tenant.marker);
  }

  const PRISTINE_PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype));

  /**
   * Issue 15: each documented operation, each field of its body (nested ones and array items too) and each query
   * parameter, given each hostile value in turn while the rest stays valid, sent with the credential the route
   * takes (a super-admin's on platform routes, tenant A's admin JWT or, on payment and usage routes, its API
   * key). The valid rest comes from the schema through fast-check with the fixed seed; every case runs as one of
   * fast-check's examples, so a failure names its request and replays identically.
   */
  it('refuses a hostile value in any field or query parameter of every operation with a 4xx, never a 5xx', async () => {
    const { A } = tenants;
    // Platform routes take many cases: spread over several operators, each with its own rate limit.
    const operators: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await seedPlatformUser(app, `fuzz-operator-${i}@platform.test`);
      const login = await http()
        .post('/v1/platform/auth/login')
        .send({ email: `fuzz-operator-${i}@platform.test`, password: PASSWORD })
        .expect(200);
      operators.push(login.body.accessToken as string);
    }
    const schemas = document.components.schemas;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const operations = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        operation,
      })),
    );
    for (const [index, { method, template, operation }] of operations.entries()) {
      const route = `${method} ${template}`;
      if (!route.includes(ROUTE_FILTER)) continue;
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'hostname' ? (hostnames[0] ?? 'x') : (targetIds[0] ?? 'x'),
      );
      const bodySchema = Object.values(operation.requestBody?.content ?? {})[0]?.schema;
      const queryNames = (operation.parameters ?? []).flatMap((parameter) =>
        parameter.in === 'query' && parameter.name !== undefined ? [parameter.name] : [],
      );
      const seed = SEED + index;
      const [valid] =
        bodySchema === undefined
          ? [undefined]
          : fc.sample(schemaValue(bodySchema, schemas), { seed, numRuns: 1 });
      const cases: { field: string; query: string; payload?: string }[] = [
        ...(bodySchema === undefined ? [] : hostileFieldCases(bodySchema, schemas, valid)).map(
          (fieldCase) => ({
            ...fieldCase,
            query: '',
          }),
        ),
        ...queryNames.flatMap((name) =>
          [
            ...HOSTILE_QUERY_VALUES.map((value) => `${name}=${value}`),
            `${name}[$gt]=1`,
            `${name}=1&${name}=2`,
          ].map((query) => ({ field: `?${name}`, query })),
        ),
      ];
      if (cases.length === 0) continue;
      const platformRoute = /^\/v1\/(?:admin|platform)\//.test(template);
      const keyRoute = /^\/v1\/(?:payments|usage)/.test(template) && A.apiKey !== undefined;
      try {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...cases), async (fieldCase) => {
            sent += 1;
            const headers: Record<string, string> = platformRoute
              ? { Authorization: `Bearer ${operators[sent % operators.length] ?? ''}` }
              : keyRoute && sent % 2 === 0
                ? { 'X-API-Key': A.apiKey ?? '', 'Idempotency-Key': `field-fuzz-${sent}` }
                : { Authorization: `Bearer ${A.jwt}` };
            const fuzz: FuzzRequest = {
              method,
              path: fieldCase.query === '' ? path : `${path}?${fieldCase.query}`,
              headers,
              caller: { label: platformRoute ? 'super-admin' : 'tenant A', headers, sees: ['A'] },
              body:
                fieldCase.payload === undefined
                  ? undefined
                  : { contentType: 'application/json', payload: fieldCase.payload },
            };
            const response = await send(fuzz);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (response.status >= 500) {
              throw new Error(
                `${fieldCase.field}: ${describeRequest(fuzz)}\n  answer ${response.status}: ${truncate(response.text, 400)}`,
              );
            }
          }),
          // Examples count towards numRuns: every case runs once, first.
          {
            seed,
            numRuns: cases.length,
            examples: cases.map((fieldCase) => [fieldCase]),
            endOnFailure: true,
          },
        );
      } catch (error) {
        failures.push(`${route} (seed ${seed})\n${truncate(String(error), 1_500)}`);
      }
    }
    expect(failures).toEqual([]);
    // The cases reached the routes' own rules rather than a rate limit or a credential refusal.
    expect(sent).toBeGreaterThan(1_000);
    expect((statuses.get(429) ?? 0) / sent).toBeLessThan(0.02);
    expect((statuses.get(400) ?? 0) / sent).toBeGreaterThan(0.8);
  }, 120_000);

  it(
    'answers every route without a 5xx, a stack trace or another tenant’s data',
    async () => {
      const selected = routes.filter((route) => route.includes(ROUTE_FILTER));
      const failures: string[] = [];
      for (const route of selected) {
        // Its own seed per route (stable under FUZZ_ROUTE), so routes do not all see the same sequence.
        const seed = SEED + routes.indexOf(route);
        try {
          await fc.assert(
            fc.asyncProperty(fuzzRequests(route), async (fuzz) => {
              const response = await send(fuzz);
              const problems = problemsWith(fuzz, response);
              rememberNamed(fuzz);
              if (problems.length > 0) {
                throw new Error(
                  `${problems.join('; ')}\n  answer ${response.status}: ${truncate(response.text, 600)}`,
                );
              }
            }),
            { numRuns: RUNS_PER_ROUTE, seed, includeErrorInReport: true },
          );
        } catch (error) {
          failures.push(
            `${route} (replay: FUZZ_SEED=${SEED} FUZZ_ROUTE='${route}', seed ${seed})\n${truncate(String(error), 2_500)}`,
          );
        }
      }
      expect(selected.length).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    },
    15_000 * Math.max(8, RUNS_PER_ROUTE),
  );
});
