import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  type AppConfig,
  configureHttpApplication,
  HTTP_APPLICATION_OPTIONS,
  HttpMetricsMiddleware,
} from '@tenantpay/platform';
import { ApiModule } from './api.module';
import { setupOpenApi } from './openapi/setup-openapi';

/** Builds the API exactly as it runs in production; the server entry point and the e2e tests share it. */
export async function createApiApplication(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(config),
    HTTP_APPLICATION_OPTIONS,
  );
  configureHttpApplication(app);
  // Mounted on the HTTP server itself, ahead of every route, so that unmatched paths (404) are timed too.
  const httpMetrics = app.get(HttpMetricsMiddleware);
  app.use(httpMetrics.use.bind(httpMetrics));
  setupOpenApi(app);
  return app;
}
