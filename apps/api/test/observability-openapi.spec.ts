import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testAppConfig, useTestMongo, useTestRedis, readyHttpApplication } from '@tenantpay/testing';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';
import { servedRoutes } from './support/served-routes';

type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, { security?: unknown[]; responses: Record<string, unknown>; parameters?: unknown[] }>
  >;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
  security: unknown[];
};

/** Served, but pages and files rather than API operations: the staff portal (HTML, JavaScript, CSS). */
const NOT_API_OPERATIONS = ['GET /', 'GET /portal/{asset}'];

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

  it("serves the portal's page and files but leaves them out of the document", () => {
    expect(servedRoutes(app)).toEqual(expect.arrayContaining(NOT_API_OPERATIONS));
    expect(document.paths['/']).toBeUndefined();
    expect(document.paths['/portal/{asset}']).toBeUndefined();
  });

  it('serves the Swagger UI at /v1/docs', async () => {
    const response = await request(app.getHttpServer()).get('/v1/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
  });

  it('declares bearer JWT and X-API-Key security, waived on public routes', () => {
    expect(document.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(document.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(document.paths['/v1/auth/login']?.['post']?.security).toEqual([]);
    expect(document.paths['/v1/users']?.['get']?.security).toBeUndefined();
  });

  it('describes every error with the one error shape', () => {
    expect(document.components.schemas['ApiError']).toEqual(
      expect.objectContaining({ required: ['error', 'message', 'requestId', 'timestamp'] }),
    );
    const users = document.paths['/v1/users']?.['get'];
    for (const status of ['400', '401', '403', '404', '429', '500']) {
      expect(users?.responses[status]).toEqual(
        expect.objectContaining({
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
        }),
      );
    }
    expect(JSON.stringify(users?.responses['429'])).toContain('Retry-After');
    expect(JSON.stringify(users?.responses['200'])).toContain('X-RateLimit-Remaining');
  });

  it('names the common request headers', () => {
    const parameters = JSON.stringify(document.paths['/v1/users']?.['post']?.parameters);
    expect(parameters).toContain('#/components/parameters/RequestId');
    expect(parameters).toContain('#/components/parameters/TenantId');
    expect(parameters).toContain('#/components/parameters/IdempotencyKey');
  });

  it('describes DTO properties from their validation rules', () => {
    const schemas = document.components.schemas as Record<
      string,
      { properties?: Record<string, unknown>; required?: string[] }
    >;
    const login = schemas['LoginDto'];
    expect(Object.keys(login?.properties ?? {})).toEqual(expect.arrayContaining(['email', 'password']));
    expect(login?.required).toEqual(expect.arrayContaining(['email', 'password']));
  });
});
