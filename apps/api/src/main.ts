import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@tenantpay/platform';
import { createApiApplication } from './create-api-application';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const app = await createApiApplication(config);
  await app.listen(config.http.port, config.http.host);
  new Logger('Api').log(`API listening on http://${config.http.host}:${config.http.port}`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Api').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
