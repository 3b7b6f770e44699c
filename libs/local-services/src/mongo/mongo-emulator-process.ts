import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

const STARTUP_TIMEOUT_MS = 30_000;

/** What the child reports once its engine listens. */
interface EngineListening {
  readonly uri: string;
}

/**
 * The in-process MongoDB engine run in a child process of its own, so a fault test or the chaos run can do to
 * it what happens to a real mongod: freeze it (SIGSTOP: connections stay open and nothing answers, the case a
 * closed port never shows), thaw it (SIGCONT), or kill it. Its data lives as long as the child, or in its data
 * folder when given one.
 */
export class MongoEmulatorProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly uri: string,
  ) {}

  /** With `dataDir` the engine keeps its data there (journal + snapshots), so a restarted one finds it. */
  static async start(options: { dataDir?: string } = {}): Promise<MongoEmulatorProcess> {
    // The child runs TypeScript as the benches do: @swc-node/register with the workspace's path aliases.
    const child = fork(
      path.join(__dirname, 'mongo-emulator-process.main.ts'),
      options.dataDir === undefined ? [] : [options.dataDir],
      {
        execArgv: ['-r', '@swc-node/register'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    try {
      const listening = await Promise.race([
        once(child, 'message') as Promise<[EngineListening]>,
        once(child, 'exit').then(([code]) => {
          throw new Error(`The MongoDB engine process exited with ${String(code)} during startup`);
        }),
        new Promise<never>((_resolve, reject) =>
          setTimeout(
            () =>
              reject(new Error(`The MongoDB engine process did not start within ${STARTUP_TIMEOUT_MS} ms`)),
            STARTUP_TIMEOUT_MS,
          ).unref(),
        ),
      ]);
      return new MongoEmulatorProcess(child, listening[0].uri);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** SIGSTOP: the engine hangs with its sockets open, as a stalled host or a stopped mongod does. */
  freeze(): void {
    this.child.kill('SIGSTOP');
  }

  /** SIGCONT: the engine answers again, everything it had queued included. */
  thaw(): void {
    this.child.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    // A frozen process does not act on SIGTERM until it runs again.
    this.child.kill('SIGKILL');
    await exited;
  }
}
