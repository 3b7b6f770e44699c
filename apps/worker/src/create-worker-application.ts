import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@tenantpay/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** The worker as it runs in production: an application context without HTTP, closed on SIGTERM/SIGINT. */
export async function createWorkerApplication(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}
