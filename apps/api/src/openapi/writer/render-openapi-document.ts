import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpAdapter, loadConfig, setApiGlobalPrefix } from '@tenantpay/platform';
import { ApiModule } from '../../api.module';
import { createOpenApiDocument, loadOpenApiPluginMetadata } from '../create-openapi-document';

/**
 * The API's OpenAPI document as committed JSON. The application is built in Nest's preview mode: modules and
 * routes are registered but no provider is instantiated, so nothing connects to MongoDB or Redis (the
 * addresses below are never dialled). The configuration is the production route set: no development mailbox.
 */
export async function renderOpenApiDocument(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGODB_URI: 'mongodb://127.0.0.1:27017/openapi',
    REDIS_URL: 'redis://127.0.0.1:6379',
    JWT_SIGNING_KEYS: `openapi:${'x'.repeat(32)}`,
    PAYMENTS_GATEWAY: 'simulated',
    PAYMENTS_GATEWAY_WEBHOOK_SECRET: 'x'.repeat(32),
    BASE_DOMAIN: 'tenantpay.test',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    createHttpAdapter(config),
    { preview: true, logger: false },
  );
  try {
    setApiGlobalPrefix(app);
    await loadOpenApiPluginMetadata();
    return `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
