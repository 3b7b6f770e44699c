import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { buildDeclaredIndexes, loadConfigOrExit } from '@tenantpay/platform';
import type { Connection } from 'mongoose';
import { ApiModule } from './api.module';

/**
 * `npm run db:indexes`: builds the indexes every model of the API declares (the API registers every
 * collection the platform has) and prints a JSON report. Run it before a deploy that adds an index when the
 * apps run with `MONGODB_AUTO_INDEX=false`, as they do in production by default.
 */
async function buildIndexes(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(config), { logger: ['error'] });
  try {
    const report = await buildDeclaredIndexes(app.get<Connection>(getConnectionToken()));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await app.close();
  }
}

buildIndexes().catch((error: unknown) => {
  new Logger('BuildIndexes').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
