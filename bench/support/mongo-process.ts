/**
 * MongoDB for a benchmark, in a child process of its own: the in-process emulator would otherwise share the
 * measured server's event loop, and its query work would be counted as the API's (a real mongod runs
 * elsewhere too). `startMongoProcess` forks this file, which starts the engine `startMongo` picks and reports
 * its URI; the child stops the engine when the parent disconnects.
 */
import { type RunningMongo, startMongo } from '@tenantpay/local-services';
import { type ChildProcess, fork } from 'node:child_process';
import { answerCpuUsageRequests } from './cpu-usage-probe';

export interface MongoProcess {
  readonly kind: RunningMongo['kind'];
  readonly uri: string;
  /** The engine's process, for its CPU time (cpu-usage-probe.ts) or pinning. */
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

interface Started {
  readonly kind: RunningMongo['kind'];
  readonly uri: string;
}

/**
 * `maxOldSpaceMb` raises V8's heap limit of the engine's process (default about 4 GB): the emulator keeps
 * every document and index in that heap, so a bench holding millions of documents needs more.
 */
export function startMongoProcess(options: { maxOldSpaceMb?: number } = {}): Promise<MongoProcess> {
  const heap = options.maxOldSpaceMb === undefined ? [] : [`--max-old-space-size=${options.maxOldSpaceMb}`];
  const child = fork(__filename, [], {
    execArgv: ['-r', '@swc-node/register', ...heap],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`MongoDB process exited with ${code} during startup`)));
    child.once('message', (started: Started) =>
      resolve({
        ...started,
        process: child,
        stop: async () => {
          child.disconnect();
          await exited;
        },
      }),
    );
  });
}

if (require.main === module) {
  startMongo({ log: (line) => process.stderr.write(`${line}\n`) }).then(
    (mongo) => {
      answerCpuUsageRequests();
      process.send?.({ kind: mongo.kind, uri: mongo.uri } satisfies Started);
      process.once('disconnect', () => void mongo.stop().then(() => process.exit(0)));
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
