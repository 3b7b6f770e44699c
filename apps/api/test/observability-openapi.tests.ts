import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testAppConfig, useTestMongo, useTestRedis, readyHttpApplication } from '@tenantpay/testing';
import { WebhookEventType } from '@tenantpay/webhooks';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';
import { servedRoutes } from './support/served-routes';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
const OPENAPI_DOCUMENT_FILE = path.join(WORKSPACE_ROOT, 'apps/api/openapi.json');

type OpenApiDocument = {
  openapi: string;
  webhooks: Record<string, unknown>;
  paths: Record<
    string,
    Record<string, { security?: unknown[]; responses: Record<string, unknown>; parameters?: unknown[] }>
  >;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};

/**
 * Served, but pages and files rather than API operations: the consoles' pages (the platform console's email-link
 * pages included) and built files, and the retired portal's old links (redirects).
 */
const NOT_API_OPERATIONS = [
  'GET /',
  'GET /assets/{asset}',
  'GET /accept-invitation',
  'GET /reset-password',
  'GET /portal/{page}',
];

describe('OpenAPI document (SPEC §12)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let document: OpenApiDocument;

  beforeAll(async () => {
    app = await createApiApplication(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }));
    await readyHttpApplication(app);
    document = (await request(app.getHttpServer()).get('/v1/docs/openapi.json').expect(200)).body;
  });
  afterAll(async () => {
    await app.close();
  });

  it('documents every route the application serves, with its method', () => {
    const routes = servedRoutes(app).filter((route) => !NOT_API_OPERATIONS.includes(route));
    expect(routes.length).toBeGreaterThan(20);
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
    expect(routes).toEqual(expect.arrayContaining(['GET /health/live', 'POST /v1/auth/login']));
    // Metrics are served on METRICS_PORT, never on the public port.
    expect(routes.filter((route) => route.includes('metrics'))).toEqual([]);
  });

  it("serves the consoles' pages and files and the old links' redirects but leaves them out of the document", () => {
    expect(servedRoutes(app)).toEqual(expect.arrayContaining(NOT_API_OPERATIONS));
    expect(document.paths['/']).toBeUndefined();
    expect(document.paths['/portal/{page}']).toBeUndefined();
  });

  it('serves the Swagger UI at /v1/docs', async () => {
    const response = await request(app.getHttpServer()).get('/v1/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
  });

  it("declares each route's real credentials: public, bearer JWT only, or bearer JWT or an API key with its scopes", () => {
    expect(document.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    });
    expect(document.paths['/v1/auth/login']?.['post']?.security).toEqual([]);
    // No @Scopes(): API keys are refused.
    expect(document.paths['/v1/users']?.['get']?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/v1/payments']?.['post']?.security).toEqual([
      { bearer: [] },
      { apiKey: ['payments:write'] },
    ]);
  });

  it('describes every success body with a schema, not an open object', () => {
    const untyped: string[] = [];
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(item))
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!status.startsWith('2') || status === '204') continue;
          const content = (response as { content?: Record<string, { schema?: Record<string, unknown> }> })
            .content;
          const schema = content?.['application/json']?.schema;
          if (content !== undefined && schema === undefined) continue; // not JSON: a CSV, an archive
          if (
            schema?.['$ref'] === undefined &&
            schema?.['oneOf'] === undefined &&
            schema?.['properties'] === undefined
          )
            untyped.push(`${method.toUpperCase()} ${path} ${status}`);
        }
    expect(untyped).toEqual([]);
    const schemas = document.components.schemas as Record<string, { additionalProperties?: unknown }>;
    // Closed, so that a view growing a field the document does not describe fails the contract tests.
    expect(schemas['WebhookEndpointResponse']?.additionalProperties).toBe(false);
    expect(JSON.stringify(document.components.schemas)).not.toContain('"nullable"');
  });

  it('lets API keys with webhooks:manage manage webhook endpoints', () => {
    expect(document.paths['/v1/webhook-endpoints']?.['post']?.security).toEqual([
      { bearer: [] },
      { apiKey: ['webhooks:manage'] },
    ]);
  });

  it('describes every error with the one error shape, narrowed to the codes the operation can answer', () => {
    expect(document.components.schemas['ApiError']).toEqual(
      expect.objectContaining({ required: ['error', 'message', 'requestId', 'timestamp'] }),
    );
    const users = document.paths['/v1/users']?.['get'];
    const codes = (status: string) => JSON.stringify(users?.responses[status]);
    expect(codes('401')).toContain('"enum":["unauthorized"]');
    expect(codes('403')).toContain('tenant_mismatch');
    expect(codes('403')).not.toContain('feature_not_in_tier');
    expect(codes('429')).toContain('Retry-After');
    expect(JSON.stringify(users?.responses['200'])).toContain('X-RateLimit-Remaining');
    const login = JSON.stringify(document.paths['/v1/auth/login']?.['post']?.responses);
    expect(login).not.toContain('tenant_mismatch');
  });

  it('names the common request headers and the idempotency key where the route reads it', () => {
    const parameters = JSON.stringify(document.paths['/v1/users']?.['post']?.parameters);
    expect(parameters).toContain('#/components/parameters/RequestId');
    expect(parameters).toContain('#/components/parameters/TenantId');
    expect(JSON.stringify(document.paths['/v1/payments']?.['post']?.parameters)).toContain('Idempotency-Key');
  });

  it('describes DTO properties from their types and validation rules', () => {
    const schemas = document.components.schemas as Record<
      string,
      { properties?: Record<string, unknown>; required?: string[] }
    >;
    const login = schemas['LoginDto'];
    expect(Object.keys(login?.properties ?? {})).toEqual(expect.arrayContaining(['email', 'password']));
    expect(login?.required).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('describes every outbound webhook event with its payload and signature header', () => {
    expect(Object.keys(document.webhooks).sort()).toEqual(Object.values(WebhookEventType).sort());
    const completed = JSON.stringify(document.webhooks[WebhookEventType.PaymentCompleted]);
    expect(completed).toContain('Tenantpay-Webhook-Signature');
    expect(completed).toContain('#/components/schemas/Payment');
  });

  it('is the document committed in apps/api/openapi.json (`npm run openapi` rewrites it)', () => {
    expect(JSON.parse(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8'))).toEqual(document);
  });

  it('validates as OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
    // The validator is ESM-only, which Jest cannot load: it runs in its own Node process.
    const output = execFileSync(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        'apps/api/src/openapi/writer/validate-openapi.main.ts',
        OPENAPI_DOCUMENT_FILE,
      ],
      { cwd: WORKSPACE_ROOT, encoding: 'utf8' },
    );
    expect(JSON.parse(output)).toEqual({ valid: true });
  });
});
