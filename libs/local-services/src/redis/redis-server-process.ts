import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';

import { findFreePort } from '../find-free-port';
import { RedisServerNotInstalledException } from './redis-server-not-installed.exception';
import { waitForRedisReady } from './wait-for-redis-ready';

const HOST = '127.0.0.1';
const OUTPUT_TAIL_CHARS = 4000;
const DEFAULT_STARTUP_TIMEOUT_MS = 10_000;
const GRACEFUL_STOP_TIMEOUT_MS = 5_000;

export interface RedisServerProcessOptions {
  /** Executable name (looked up on PATH) or path. */
  binary?: string;
  /** Omit to take a free port. */
  port?: number;
  startupTimeoutMs?: number;
  /**
   * Runs the server in a process group of its own, so a terminal's Ctrl-C reaches only its parent, which then
   * stops it after the processes that use it (`npm start`).
   */
  ownProcessGroup?: boolean;
}

/**
 * A throw-away redis-server child process: nothing is persisted, so a restart comes back empty, which is what
 * fault tests ("Redis went away and came back") need.
 */
export class RedisServerProcess {
  private child: ChildProcess | undefined;

  private constructor(
    private readonly binary: string,
    readonly port: number,
    private readonly startupTimeoutMs: number,
    private readonly ownProcessGroup: boolean,
  ) {}

  static async start(options: RedisServerProcessOptions = {}): Promise<RedisServerProcess> {
    const server = new RedisServerProcess(
      options.binary ?? 'redis-server',
      options.port ?? (await findFreePort(HOST)),
      options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
      options.ownProcessGroup ?? false,
    );
    await server.spawnAndWaitUntilReady();
    return server;
  }

  /** The running server's process id (for tools that act on the process, such as CPU pinning). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `redis://${HOST}:${this.port}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || isNotRunning(child)) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const stoppedInTime = await Promise.race([
      exited.then(() => true),
      delay(GRACEFUL_STOP_TIMEOUT_MS, false, { ref: false }),
    ]);
    if (!stoppedInTime) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** Same port, empty data set. */
  async restart(): Promise<void> {
    await this.stop();
    await this.spawnAndWaitUntilReady();
  }

  private async spawnAndWaitUntilReady(): Promise<void> {
    const child = spawn(
      this.binary,
      ['--port', String(this.port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      // The working directory is where redis-server would write dump files; keep it out of the repository.
      { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'], detached: this.ownProcessGroup },
    );
    this.child = child;

    // The pipes must be drained or a chatty server blocks on a full buffer; the tail explains startup failures.
    let outputTail = '';
    const keepTail = (chunk: Buffer): void => {
      outputTail = (outputTail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', keepTail);
    child.stderr?.on('data', keepTail);

    const stopWaiting = new AbortController();
    const failedToStart = new Promise<never>((_, reject) => {
      child.once('error', (error: NodeJS.ErrnoException) => {
        reject(error.code === 'ENOENT' ? new RedisServerNotInstalledException(this.binary) : error);
      });
      // 'close' rather than 'exit': it comes after the output pipes are drained, so the tail holds the reason.
      child.once('close', (code, signal) => {
        reject(
          new Error(
            `redis-server on port ${this.port} exited during startup (code ${code}, signal ${signal}):\n${outputTail}`,
          ),
        );
      });
    });
    failedToStart.catch(() => stopWaiting.abort());

    try {
      await Promise.race([
        failedToStart,
        waitForRedisReady({
          host: HOST,
          port: this.port,
          pid: child.pid ?? -1,
          timeoutMs: this.startupTimeoutMs,
          signal: stopWaiting.signal,
        }),
      ]);
    } catch (error) {
      stopWaiting.abort();
      await this.stop();
      throw error;
    }
  }
}

function isNotRunning(child: ChildProcess): boolean {
  // A child that failed to spawn (no pid) never emits 'exit'.
  return child.pid === undefined || child.exitCode !== null || child.signalCode !== null;
}
