import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  type AppConfig,
  configureHttpApplication,
  createHttpAdapter,
  GracefulHttpShutdown,
  HTTP_APPLICATION_OPTIONS,
  HttpRequestMetrics,
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
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    rootModule,
    createHttpAdapter(config),
    HTTP_APPLICATION_OPTIONS,
  );
  await configureHttpApplication(app);
  // On Fastify's own hooks, so that unmatched paths (404) are timed too.
  app.get(HttpRequestMetrics).register(app.getHttpAdapter().getInstance());
  await setupOpenApi(app);
  // On Node's server, in front of the framework: admission refuses before any work is done, and the
  // shutdown's request tracking (outermost) sees every request, refused ones included.
  const server = app.getHttpServer();
  app.get(InstanceAdmissionGate).attach(server);
  app.get(GracefulHttpShutdown).attach(server);
  return app;
}
