import { MongoEmulator } from '@tenantpay/mongo-emulator';

import { locateMongodBinary } from './locate-mongod-binary';
import { startMongodReplicaSet } from './start-mongod-replica-set';

export type MongoEngineKind = 'uri' | 'mongod' | 'emulator';

export interface StartMongoOptions {
  /** An existing server; chosen whenever given unless another engine is forced. */
  uri?: string;
  /** Forces an engine instead of choosing by what is available. */
  engine?: MongoEngineKind;
  /** Where mongod keeps its files between runs; without it data lives until stop(). */
  dataDir?: string;
  /**
   * Where the in-process engine keeps its journal and snapshots between runs (not mongod's folder: the two
   * formats differ); without it its data lives until stop().
   */
  emulatorDataDir?: string;
  /** Path to a mongod executable, e.g. from MONGOMS_SYSTEM_BINARY. */
  mongodBinary?: string;
  /** Omit for a free port. */
  port?: number;
  replicaSetName?: string;
  log: (line: string) => void;
}

export interface RunningMongo {
  kind: MongoEngineKind;
  uri: string;
  /** Whether its data outlives this run (a given server, a mongod or an engine with a data folder). */
  persistent: boolean;
  stop(): Promise<void>;
}

const DEFAULT_REPLICA_SET_NAME = 'rs0';

/**
 * Picks a MongoDB for local runs and tests: a given URI, else a real mongod if one is already on this machine
 * (never downloaded unless 'mongod' is forced, so offline machines do not stall), else the in-process emulator.
 * Logs one line naming the choice and the reason, because "which database did my tests run against?" is the
 * first question when results differ between machines.
 */
export async function startMongo(options: StartMongoOptions): Promise<RunningMongo> {
  const forced = options.engine === undefined ? undefined : `engine forced to "${options.engine}"`;
  const replicaSetName = options.replicaSetName ?? DEFAULT_REPLICA_SET_NAME;

  if (options.engine === 'uri' || (options.engine === undefined && options.uri !== undefined)) {
    if (options.uri === undefined) throw new Error('MongoDB engine "uri" was forced but no URI was given');
    options.log(`MongoDB engine: uri ${redactCredentials(options.uri)} (${forced ?? 'a URI was given'})`);
    return { kind: 'uri', uri: options.uri, persistent: true, stop: async () => undefined };
  }

  if (options.engine !== 'emulator') {
    const binary = locateMongodBinary(options.mongodBinary);
    if (binary !== undefined || options.engine === 'mongod') {
      const mongod = await startMongodReplicaSet({
        binary,
        replicaSetName,
        dataDir: options.dataDir,
        port: options.port,
      });
      const origin =
        binary === undefined
          ? 'no local binary, downloaded by mongodb-memory-server'
          : `${binary.path} v${binary.version}, ${binary.foundVia}`;
      options.log(
        `MongoDB engine: mongod at ${mongod.uri} (${forced ?? 'a mongod binary is installed'}; ${origin})`,
      );
      return { kind: 'mongod', persistent: options.dataDir !== undefined, ...mongod };
    }
  }

  const emulator = await MongoEmulator.start({
    port: options.port ?? 0,
    replicaSetName,
    dataDir: options.emulatorDataDir,
    log: options.log,
  });
  const reason = forced ?? 'no mongod binary configured, on PATH, or in the mongodb-memory-server caches';
  const persistence =
    options.emulatorDataDir === undefined
      ? '; data is kept in memory only'
      : `; data kept in ${options.emulatorDataDir} (journal + snapshots)`;
  options.log(`MongoDB engine: emulator at ${emulator.uri} (${reason}${persistence})`);
  return {
    kind: 'emulator',
    uri: emulator.uri,
    persistent: options.emulatorDataDir !== undefined,
    stop: () => emulator.stop(),
  };
}

function redactCredentials(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
