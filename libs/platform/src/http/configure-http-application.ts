import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { assignRequestId } from './assign-request-id';
import { createValidationPipe } from './create-validation-pipe';
import { RejectUnsafeInputPipe } from './reject-unsafe-input.pipe';

export const API_PREFIX = 'v1';

/** Options every HTTP application must be created with: see {@link configureHttpApplication}. */
export const HTTP_APPLICATION_OPTIONS: NestApplicationOptions = { bodyParser: false, bufferLogs: true };
export const HEALTH_ROUTES = ['health/live', 'health/ready'];
/** The staff portal: a page at the root of a tenant's host and its static files, outside the versioned API. */
export const PORTAL_ROUTES = ['/', 'portal/:asset'];
/** The development mailbox (registered outside production only). */
export const DEV_ROUTES = ['dev/mailbox', 'dev/mailbox/page'];

/**
 * Everything an HTTP application needs around its modules, in one place so the server and the tests
 * run the very same stack. The app must be created with `bodyParser: false`: bodies are parsed by
 * {@link JsonBodyMiddleware} so that parse errors take the API error shape.
 */
export function configureHttpApplication(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  // First of all middleware, so that even a request Express refuses while routing it has its id.
  app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    assignRequestId(request, response);
    next();
  });
  // Express's simple parser: `?a[b]=1` stays the literal key "a[b]" instead of becoming an object, so a
  // query string can never produce a `{ $gt: … }` filter.
  app.set('query parser', 'simple');
  // Client IPs (per-IP rate limits, audit) come from X-Forwarded-For only through the configured proxies.
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).http.trustProxyHops);
  app.use(helmet());
  app.setGlobalPrefix(API_PREFIX, { exclude: [...HEALTH_ROUTES, ...PORTAL_ROUTES, ...DEV_ROUTES] });
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(new RejectUnsafeInputPipe(), createValidationPipe());
  return app;
}
