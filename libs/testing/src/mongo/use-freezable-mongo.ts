import { MongoEmulatorProcess } from '@tenantpay/local-services';

export interface FreezableMongo {
  readonly uri: string;
  /** Fault injection: SIGSTOP. Connections stay open and nothing answers, as with a hung mongod or host. */
  freeze(): void;
  /** SIGCONT: the server answers again, with its data. */
  thaw(): void;
}

/**
 * A MongoDB the calling test file owns in a process of its own, so it can be frozen (the engine SIGSTOPped)
 * rather than only taken away (useUnreachableMongo): a closed port fails fast by itself, a hung server is what
 * timeouts are for. Always the in-process engine, in a child process; thawed and stopped after the file.
 */
export function useFreezableMongo(): FreezableMongo {
  let engine: MongoEmulatorProcess | undefined;
  beforeAll(async () => {
    engine = await MongoEmulatorProcess.start();
  });
  afterAll(async () => {
    await engine?.stop();
  });

  const started = (): MongoEmulatorProcess => {
    if (engine === undefined)
      throw new Error('useFreezableMongo() values are available inside tests and hooks only');
    return engine;
  };
  return {
    get uri() {
      return started().uri;
    },
    freeze: () => started().freeze(),
    thaw: () => started().thaw(),
  };
}
