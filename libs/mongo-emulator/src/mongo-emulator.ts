import { ObjectId } from 'bson';
import { CommandDispatcher } from './commands/command-dispatcher';
import { CursorRegistry } from './cursors/cursor-registry';
import { FailCommandFailPoint } from './failpoints/fail-command.failpoint';
import { DurableStorage } from './persistence/durable-storage';
import { ClientConnection } from './server/client-connection';
import { WireServer } from './server/wire-server';
import { StorageEngine } from './storage/storage-engine';
import { DEFAULT_TTL_SWEEP_INTERVAL_MS, TtlMonitor } from './storage/ttl-monitor';
import { DEFAULT_TRANSACTION_LIFETIME_LIMIT_MS, SessionRegistry } from './transactions/session-registry';

export interface MongoEmulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 'rs0' (needed for transactions); null or '' runs a standalone server. */
  replicaSetName?: string | null;
  /**
   * How often TTL indexes delete expired documents; default 1000 ms (mongod's TTL monitor runs every
   * 60 s). Expired documents stay readable until the next sweep, as in mongod.
   */
  ttlSweepIntervalMs?: number;
  /**
   * How long a transaction may stay open before the server aborts it and releases its locks; default
   * 60 000 ms, mongod's `transactionLifetimeLimitSeconds`. It is what frees the documents of a client that
   * died mid-transaction (a killed worker), which would otherwise conflict with every later writer forever.
   */
  transactionLifetimeLimitMs?: number;
  /**
   * A folder that keeps the data across restarts (journal + snapshots, see persistence/durable-storage.ts);
   * without it data lives in memory only. A corrupt folder refuses to start (CorruptDataFileError).
   */
  dataDir?: string;
  /** With dataDir: how often journal writes are forced to disk; default 100 ms (mongod's commitIntervalMs). */
  journalSyncIntervalMs?: number;
  /** With dataDir: how often a snapshot replaces the journal; default 60 000 ms. */
  snapshotIntervalMs?: number;
  /** Where recovery reports what it did; default stderr. */
  log?: (line: string) => void;
}

/**
 * An in-process MongoDB (wire protocol, 7.0 semantics) for tests and local runs where no mongod exists.
 * Data lives in memory and disappears on stop(), unless `dataDir` keeps it.
 */
export class MongoEmulator {
  private constructor(
    private readonly server: WireServer,
    private readonly cursors: CursorRegistry,
    private readonly ttlMonitor: TtlMonitor,
    private readonly durable: DurableStorage | undefined,
    private readonly host: string,
    readonly uri: string,
    readonly port: number,
  ) {}

  static async start(options: MongoEmulatorOptions = {}): Promise<MongoEmulator> {
    const host = options.host ?? '127.0.0.1';
    const replicaSetName = options.replicaSetName === undefined ? 'rs0' : options.replicaSetName || undefined;
    const engine = new StorageEngine();
    const durable =
      options.dataDir === undefined
        ? undefined
        : DurableStorage.open(engine, {
            dataDir: options.dataDir,
            journalSyncIntervalMs: options.journalSyncIntervalMs,
            snapshotIntervalMs: options.snapshotIntervalMs,
            log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
          });
    const ttlMonitor = new TtlMonitor(
      () => engine.allCollections(),
      options.ttlSweepIntervalMs ?? DEFAULT_TTL_SWEEP_INTERVAL_MS,
    );
    const sessions = new SessionRegistry(
      engine,
      options.transactionLifetimeLimitMs ?? DEFAULT_TRANSACTION_LIFETIME_LIMIT_MS,
    );
    const cursors = new CursorRegistry();
    // The dispatcher needs the port, known only after listen(); connections made before then are refused.
    const ready: { dispatcher?: CommandDispatcher } = {};
    let nextConnectionId = 1;
    const server = new WireServer((socket) => {
      if (ready.dispatcher === undefined) socket.destroy();
      else new ClientConnection(socket, ready.dispatcher, { id: nextConnectionId++, appName: undefined });
    });
    let port: number;
    try {
      port = await server.listen(host, options.port ?? 0);
    } catch (error) {
      durable?.close();
      throw error;
    }
    ready.dispatcher = new CommandDispatcher(
      engine,
      sessions,
      cursors,
      {
        host,
        port,
        replicaSetName,
        startedAt: new Date(),
        electionId: new ObjectId('7fffffff0000000000000001'),
      },
      new FailCommandFailPoint(),
    );
    const query = replicaSetName === undefined ? '' : `?replicaSet=${encodeURIComponent(replicaSetName)}`;
    ttlMonitor.start();
    return new MongoEmulator(
      server,
      cursors,
      ttlMonitor,
      durable,
      host,
      `mongodb://${host}:${port}/${query}`,
      port,
    );
  }

  /**
   * Drops every client connection and stops listening, keeping the data: to clients, a server that went away
   * (fault tests: readiness must fail, then recover once `resume()` listens again on the same port).
   */
  async suspend(): Promise<void> {
    this.cursors.closeAll();
    await this.server.close();
  }

  async resume(): Promise<void> {
    await this.server.listen(this.host, this.port);
  }

  async stop(): Promise<void> {
    this.ttlMonitor.stop();
    this.cursors.closeAll();
    await this.server.close();
    this.durable?.close();
  }
}
