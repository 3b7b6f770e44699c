import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  API_LISTENING_MESSAGE,
  type AppConfig,
  loadConfigOrExit,
  stopWithParentProcess,
} from '@tenantpay/platform';
import { createApiApplication } from './create-api-application';
import { shutDownApi } from './shut-down-api';

/** Past the drain's own bounds, how long closing the connections to MongoDB, Redis and the queues may take. */
const CLOSE_MARGIN_MS = 5_000;

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const app = await createApiApplication(config);
  try {
    await app.listen(config.http.port, config.http.host);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `API_PORT ${config.http.port} on ${config.http.host} is already in use by another process; stop it or set API_PORT`,
      );
    }
    throw error;
  }
  new Logger('Api').log(`API listening on http://${config.http.host}:${config.http.port}`);
  stopOnSignals(() => shutDownApi(app), config);
  stopWithParentProcess();
  // Tells a supervisor (`npm start`) that this process holds the port, so a readiness answer on it is ours.
  process.send?.(API_LISTENING_MESSAGE);
}

function stopOnSignals(shutDown: () => Promise<void>, config: AppConfig): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A repeated signal must not kill the process halfway through its drain: the first one is being honoured.
    if (stopping) return;
    stopping = true;
    new Logger('Api').log(`${signal}: shutting down`);
    const deadline = config.shutdownReadinessDelayMs + config.shutdownGraceMs + CLOSE_MARGIN_MS;
    setTimeout(() => {
      process.stderr.write(`[api] shutdown did not finish within ${deadline} ms; exiting\n`);
      process.exit(1);
    }, deadline).unref();
    shutDown().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `[api] shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

bootstrap().catch((error: unknown) => {
  // Straight to stderr: the application's logger buffers its lines until the server listens, so a failure
  // before that (a port already taken) would otherwise leave no message at all.
  process.stderr.write(`[api] failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
