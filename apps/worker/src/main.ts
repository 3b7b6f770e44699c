import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit, stopWithParentProcess } from '@tenantpay/platform';
import { createWorkerApplication } from './create-worker-application';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const app = await createWorkerApplication(config);
  await app.init();
  stopWithParentProcess();
  new Logger('Worker').log('Worker started');
}

bootstrap().catch((error: unknown) => {
  // Straight to stderr: the application's logger may still be buffering its lines.
  process.stderr.write(
    `[worker] failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
