import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';

import { findFreePort } from '../find-free-port';
import { RedisServerNotInstalledException } from './redis-server-not-installed.exception';
import { waitForRedisReady } from './wait-for-redis-ready';

const DEFAULT_HOST = '127.0.0.1';
const OUTPUT_TAIL_CHARS = 4000;
const DEFAULT_STARTUP_TIMEOUT_MS = 10_000;
const GRACEFUL_STOP_TIMEOUT_MS = 5_000;

export interface RedisServerProcessOptions {
  /** Executable name (looked up on PATH) or path. */
  binary?: string;
  /** The loopback address to listen on; 127.0.0.1 unless given. */
  host?: string;
  /** Omit to take a free port. */
  port?: number;
  startupTimeoutMs?: number;
  /**
   * Persist to this directory with an append-only file fsynced every second (`appendfsync everysec`, what
   * production Redis must run with: a crash loses at most about a second of writes), so a restart or a crash
   * keeps the data. Omit for a throw-away server that nothing is persisted for.
   */
  dataDir?: string;
  /**
   * Runs the server in a process group of its own, so a terminal's Ctrl-C reaches only its parent, which then
   * stops it after the processes that use it (`npm start`).
   */
  ownProcessGroup?: boolean;
  /** Further `--name value` arguments of redis-server (a cluster node's settings). */
  extraArguments?: readonly string[];
  /**
   * Clients must AUTH with this (`requirepass`); a replica authenticates to its master with it too
   * (`masterauth`), as every node of a password-protected cluster does.
   */
  password?: string;
}

/**
 * A redis-server child process. Without a data directory it is throw-away: a restart comes back empty, which
 * is what fault tests ("Redis went away and came back") need. With one (`npm start`), it persists with AOF.
 */
export class RedisServerProcess {
  private child: ChildProcess | undefined;

  private constructor(
    private readonly binary: string,
    readonly host: string,
    readonly port: number,
    private readonly startupTimeoutMs: number,
    private readonly dataDir: string | undefined,
    private readonly ownProcessGroup: boolean,
    private readonly extraArguments: readonly string[],
    readonly password: string | undefined,
  ) {}

  static async start(options: RedisServerProcessOptions = {}): Promise<RedisServerProcess> {
    const host = options.host ?? DEFAULT_HOST;
    const server = new RedisServerProcess(
      options.binary ?? 'redis-server',
      host,
      options.port ?? (await findFreePort(host)),
      options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
      options.dataDir,
      options.ownProcessGroup ?? false,
      options.extraArguments ?? [],
      options.password,
    );
    if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true });
    await server.spawnAndWaitUntilReady();
    return server;
  }

  /** The running server's process id (for tools that act on the process, such as CPU pinning). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `redis://${this.host}:${this.port}`;
  }

  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  /** Fault injection: SIGKILL, as a crash or an out-of-memory kill would (no final fsync, no shutdown save). */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  private async end(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || isNotRunning(child)) return;
    const exited = once(child, 'exit');
    // A frozen server acts on a signal only once it runs again (SIGKILL excepted).
    child.kill('SIGCONT');
    child.kill(signal);
    const endedInTime = await Promise.race([
      exited.then(() => true),
      delay(GRACEFUL_STOP_TIMEOUT_MS, false, { ref: false }),
    ]);
    if (!endedInTime) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** SIGSTOP: the server hangs with its connections open, answering nothing, as a stalled Redis does. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT: the server answers again, with its data, everything queued meanwhile included. */
  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  /** Same port; an empty data set, or what the data directory kept. */
  async restart(): Promise<void> {
    await this.stop();
    await this.startAgain();
  }

  /** Starts a stopped (or killed) server again on its port, as restart() does. */
  async startAgain(): Promise<void> {
    await this.spawnAndWaitUntilReady();
  }

  private async spawnAndWaitUntilReady(): Promise<void> {
    const persistence =
      this.dataDir === undefined
        ? ['--appendonly', 'no']
        : ['--dir', this.dataDir, '--appendonly', 'yes', '--appendfsync', 'everysec'];
    const child = spawn(
      this.binary,
      [
        '--port',
        String(this.port),
        '--bind',
        this.host,
        '--save',
        '',
        ...persistence,
        '--daemonize',
        'no',
        ...(this.password === undefined
          ? []
          : ['--requirepass', this.password, '--masterauth', this.password]),
        ...this.extraArguments,
      ],
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
          host: this.host,
          port: this.port,
          pid: child.pid ?? -1,
          timeoutMs: this.startupTimeoutMs,
          signal: stopWaiting.signal,
          ...(this.password === undefined ? {} : { password: this.password }),
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
