import { type INestApplication, type NestApplicationOptions, RequestMethod } from '@nestjs/common';
import type { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { logCompletedRequests } from '../logging/log-completed-requests';
import { ROOT_LOGGER } from '../logging/root-logger.constant';
import { BULK_BODY_ROUTES } from './bulk-body-routes.constant';
import { carryAsyncContextOverBody } from './carry-async-context-over-body';
import { createValidationPipe } from './create-validation-pipe';
import { REQUEST_ID_HEADER } from './http-headers.constant';
import { JSON_CONTENT_TYPE, parseJsonBody } from './parse-json-body';
import { declareMatchedRoute } from './matched-route';
import type { BodyRoute } from './platform-http.module';
import { refuseWrongMethod } from './refuse-wrong-method';
import { RejectUnsafeInputPipe } from './reject-unsafe-input.pipe';
import { staticSecurityHeaders } from './static-security-headers';

export const API_PREFIX = 'v1';

/** Options every HTTP application must be created with: see {@link configureHttpApplication}. */
export const HTTP_APPLICATION_OPTIONS: NestApplicationOptions = { bodyParser: false, bufferLogs: true };
export const HEALTH_ROUTES = ['health/live', 'health/ready'];
/**
 * Outside the versioned API: the consoles at the root of a host (the staff console on a tenant's, the platform
 * console on `admin.{BASE_DOMAIN}`) with their built files, the platform console's email-link pages, and the
 * retired portal's old links, redirected.
 */
export const PAGE_ROUTES = ['/', 'assets/:asset', 'accept-invitation', 'reset-password', 'portal/:page'];
/** The development mailbox (registered outside production only). */
export const DEV_ROUTES = ['dev/mailbox', 'dev/mailbox/page'];

/**
 * Everything an HTTP application needs around its modules, in one place so the server and the tests run the
 * very same stack. The app must be created on {@link createHttpAdapter} with {@link HTTP_APPLICATION_OPTIONS}
 * (`bodyParser: false`): JSON bodies are parsed here so that parse errors take the API error shape.
 */
export async function configureHttpApplication(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const fastify = app.getHttpAdapter().getInstance();
  app.useLogger(app.get(Logger));
  // The adapter's own request hook runs before every other request hook, however the application was created,
  // so the request id and the security headers are on every answer Fastify writes, errors included (its error
  // handling keeps a reply's headers). helmet's headers are worked out once here (@fastify/helmet runs its
  // middlewares on every request). They go on Fastify's reply, not on Node's response: a header set on Node's
  // response sends Node's writeHead down its slow path, which copies every header of the reply into it one
  // `setHeader` at a time; kept on the reply, the headers are written in one pass. That alone was a quarter of
  // a health probe's CPU (82.6 -> 69.3 µs per request, median of five rounds, quiet machine).
  const securityHeaders = Object.fromEntries(staticSecurityHeaders());
  const adapter = app.getHttpAdapter() as unknown as FastifyAdapter;
  adapter.setOnRequestHook((request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.header(REQUEST_ID_HEADER, request.id).headers(securityHeaders);
    done();
  });
  declareMatchedRoute(fastify);
  carryAsyncContextOverBody(fastify);
  logCompletedRequests(fastify, app.get<Pino>(ROOT_LOGGER));
  const errorFilter = new ApiExceptionFilter();
  refuseWrongMethod(fastify, errorFilter);

  // Only JSON is accepted: the API has no other body format, and any other type is a 415 in the API's shape.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_CONTENT_TYPE, { parseAs: 'buffer' }, parseJsonBody);
  const bulkRoutes = bulkBodyRoutes(app);
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const isBulk = bulkRoutes.some(
      (bulk) =>
        route.url === `/${API_PREFIX}/${bulk.path}` && methods.includes(RequestMethod[bulk.method] as never),
    );
    if (isBulk) route.bodyLimit = config.http.bulkBodyLimitBytes;
  });

  setApiGlobalPrefix(app);
  // Nest hands it Fastify's own errors too (body parsing, request hooks): see toApiException.
  app.useGlobalFilters(errorFilter);
  app.useGlobalPipes(new RejectUnsafeInputPipe(), createValidationPipe());
  return app;
}

/** `/v1` in front of every route but health probes, the consoles' pages and development routes. */
export function setApiGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [...HEALTH_ROUTES, ...PAGE_ROUTES, ...DEV_ROUTES] });
}

function bulkBodyRoutes(app: NestFastifyApplication): readonly BodyRoute[] {
  try {
    return app.get<readonly BodyRoute[]>(BULK_BODY_ROUTES, { strict: false });
  } catch {
    // An application without PlatformHttpModule.forRoot (a test probe) has no bulk routes.
    return [];
  }
}
