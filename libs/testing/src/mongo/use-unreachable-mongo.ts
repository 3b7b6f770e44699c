import { MongoEmulator } from '@tenantpay/mongo-emulator';

export interface UnreachableMongo {
  readonly uri: string;
  /** Fault injection: every connection drops and the server stops listening; its data is kept. */
  suspend(): Promise<void>;
  /** The server listens again on the same port with the same data, as a restarted mongod would. */
  resume(): Promise<void>;
}

/**
 * A MongoDB the calling test file owns and may take away on purpose, for fault tests (readiness, recovery).
 * Always the in-process engine, whatever MongoDB the run uses: a shared server, or a real mongod the harness
 * did not start, is not the file's to stop.
 */
export function useUnreachableMongo(): UnreachableMongo {
  let emulator: MongoEmulator | undefined;
  beforeAll(async () => {
    emulator = await MongoEmulator.start();
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  const started = (): MongoEmulator => {
    if (emulator === undefined)
      throw new Error('useUnreachableMongo() values are available inside tests and hooks only');
    return emulator;
  };
  return {
    get uri() {
      return started().uri;
    },
    suspend: () => started().suspend(),
    resume: () => started().resume(),
  };
}
