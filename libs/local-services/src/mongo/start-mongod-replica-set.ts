import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { findFreePort } from '../find-free-port';
import type { MongodBinary } from './locate-mongod-binary';

const PORT_FILE = 'tenantpay-mongod.port';

export interface StartMongodReplicaSetOptions {
  /** Omitted only when a download was explicitly allowed. */
  binary: MongodBinary | undefined;
  replicaSetName: string;
  /** Keeps data between runs; omitted means a temporary directory removed on stop. */
  dataDir?: string;
  port?: number;
}

export interface RunningMongod {
  uri: string;
  stop(): Promise<void>;
}

/**
 * A single-node replica set, because transactions need one, on wiredTiger, because ephemeralForTest supports
 * neither transactions nor keeping data.
 */
export async function startMongodReplicaSet(options: StartMongodReplicaSetOptions): Promise<RunningMongod> {
  // Loaded on demand: most runs use the emulator and should not pay for loading mongodb-memory-server.
  const { MongoMemoryReplSet } = await import('mongodb-memory-server');
  const port =
    options.port ?? (options.dataDir === undefined ? undefined : await rememberedPort(options.dataDir));
  const replSet = await MongoMemoryReplSet.create({
    binary:
      options.binary === undefined
        ? {}
        : { systemBinary: options.binary.path, version: options.binary.version },
    replSet: { count: 1, name: options.replicaSetName, storageEngine: 'wiredTiger' },
    instanceOpts: [{ port, dbPath: options.dataDir }],
  });
  return {
    uri: replSet.getUri(),
    // The default cleanup removes only directories mongodb-memory-server created itself, never dataDir.
    stop: async () => {
      await replSet.stop();
    },
  };
}

/**
 * The replica set configuration stored in dataDir names this member by host:port; starting the same data on
 * another port leaves a node that is not a member of its own set and never becomes primary.
 */
async function rememberedPort(dataDir: string): Promise<number> {
  await mkdir(dataDir, { recursive: true });
  const portFile = join(dataDir, PORT_FILE);
  const stored = Number.parseInt(await readFile(portFile, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(stored) && stored > 0) return stored;
  const port = await findFreePort();
  await writeFile(portFile, `${port}\n`);
  return port;
}
