import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@tenantpay/platform';
import { createWorkerApplication } from './create-worker-application';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const app = await createWorkerApplication(config);
  await app.init();
  new Logger('Worker').log('Worker started');
}

bootstrap().catch((error: unknown) => {
  new Logger('Worker').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
