import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestingModule } from '@nestjs/testing';
import {
  APP_CONFIG,
  type AppConfig,
  configureHttpApplication,
  createHttpAdapter,
  HTTP_APPLICATION_OPTIONS,
} from '@tenantpay/platform';
import { checkResponsesAgainstContract } from '../contract/contract-violations';
import { awaitDeclaredIndexes } from '../mongo/await-declared-indexes';

/**
 * An HTTP application from a compiled testing module, on the production HTTP platform and stack
 * (createHttpAdapter + configureHttpApplication), initialised and ready for supertest.
 */
export async function startHttpTestApplication(moduleRef: TestingModule): Promise<NestFastifyApplication> {
  const config = moduleRef.get<AppConfig>(APP_CONFIG);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createHttpAdapter(config),
    HTTP_APPLICATION_OPTIONS,
  );
  await configureHttpApplication(app);
  return readyHttpApplication(app);
}

/**
 * Initialises `app` and waits for Fastify to be ready: Fastify builds its router only then, and a test that
 * sends requests to `app.getHttpServer()` without listening needs it (listen() waits for it by itself).
 * Every response is checked against the API's OpenAPI document (see checkResponsesAgainstContract), and the
 * first request finds the declared indexes built, as a deployed API does (see awaitDeclaredIndexes).
 */
export async function readyHttpApplication(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  checkResponsesAgainstContract(app.getHttpAdapter().getInstance());
  await app.init();
  await awaitDeclaredIndexes(app);
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
