import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  type AppConfig,
  configureHttpApplication,
  GracefulHttpShutdown,
  HTTP_APPLICATION_OPTIONS,
  HttpMetricsMiddleware,
  InstanceAdmissionGate,
} from '@tenantpay/platform';
import { ApiModule } from './api.module';
import { setupOpenApi } from './openapi/setup-openapi';

/**
 * Builds the API exactly as it runs in production; the server entry point, the e2e tests and the HTTP
 * benchmarks share it. A benchmark passes its own root module: one that imports `ApiModule.forRoot(config)`
 * and adds the routes it measures.
 */
export async function createApiApplication(
  config: AppConfig,
  rootModule: DynamicModule | Type<unknown> = ApiModule.forRoot(config),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, HTTP_APPLICATION_OPTIONS);
  configureHttpApplication(app);
  // Mounted on the HTTP server itself, ahead of every route, so that unmatched paths (404) are timed too.
  const httpMetrics = app.get(HttpMetricsMiddleware);
  app.use(httpMetrics.use.bind(httpMetrics));
  setupOpenApi(app);
  // On Node's server, in front of the framework: admission refuses before any work is done, and the
  // shutdown's request tracking (outermost) sees every request, refused ones included.
  const server = app.getHttpServer();
  app.get(InstanceAdmissionGate).attach(server);
  app.get(GracefulHttpShutdown).attach(server);
  return app;
}
