import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@tenantpay/platform';
import { Logger } from 'nestjs-pino';
import { ShutdownDeadline } from './shutdown-deadline';
import { WorkerModule } from './worker.module';

/**
 * The worker as it runs in production: an application context without HTTP, closed on SIGTERM/SIGINT within
 * SHUTDOWN_GRACE_MS.
 */
export async function createWorkerApplication(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
  app.get(ShutdownDeadline).armOn(signals);
  app.enableShutdownHooks(signals);
  return app;
}
