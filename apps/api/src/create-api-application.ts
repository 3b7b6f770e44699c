import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, configureHttpApplication, HTTP_APPLICATION_OPTIONS } from '@tenantpay/platform';
import { ApiModule } from './api.module';

/** Builds the API exactly as it runs in production; the server entry point and the e2e tests share it. */
export async function createApiApplication(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(config),
    HTTP_APPLICATION_OPTIONS,
  );
  return configureHttpApplication(app);
}
