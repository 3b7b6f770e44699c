import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';

/** Characters of a child's stderr kept to explain its death. */
const STDERR_TAIL_CHARS = 4_000;

export interface SupervisedExit {
  readonly name: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The last line the child wrote to stderr, if any: usually why it stopped. */
  readonly lastError: string | undefined;
}

interface Supervised {
  readonly name: string;
  readonly child: ChildProcess;
  readonly stopTimeoutMs: number;
  readonly exited: Promise<void>;
  stderrTail: string;
  stopping: boolean;
}

export interface StartOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** How long `stopAll` waits for the child after SIGTERM before it sends SIGKILL. */
  readonly stopTimeoutMs: number;
}

/**
 * The launcher's children (`npm start`). Each runs in a process group of its own, so a terminal's Ctrl-C
 * reaches the launcher only and the launcher decides the order: without that, every process of the terminal's
 * group gets SIGINT at once, and Redis dies before the apps that still write to it. Each child also has an
 * IPC channel: the apps stop when it closes, so even a launcher killed outright leaves no orphan behind.
 * A child's stderr is forwarded as it comes, and its last line kept to say why it died.
 */
export class ProcessSupervisor {
  private readonly children: Supervised[] = [];

  constructor(private readonly onUnexpectedExit: (exit: SupervisedExit) => void) {}

  start(name: string, command: string, args: readonly string[], options: StartOptions): ChildProcess {
    const child = spawn(command, args, {
      env: options.env,
      detached: true,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    const supervised: Supervised = {
      name,
      child,
      stopTimeoutMs: options.stopTimeoutMs,
      exited: once(child, 'exit').then(() => undefined),
      stderrTail: '',
      stopping: false,
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      supervised.stderrTail = (supervised.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
    });
    // 'close' rather than 'exit': it comes once stderr is drained, so the tail holds the last words.
    child.once('close', (code, signal) => {
      if (supervised.stopping) return;
      this.onUnexpectedExit({ name, code, signal, lastError: lastLine(supervised.stderrTail) });
    });
    this.children.push(supervised);
    return child;
  }

  /**
   * Stops the children one after the other in `order` (then any not named), each with SIGTERM and, past its
   * stop timeout, SIGKILL to its whole process group; resolves once every one has exited.
   */
  async stopAll(order: readonly string[]): Promise<void> {
    // `api-2` ranks as `api`: the instances of a scaled run stop with their kind.
    const rank = (name: string) => {
      const kind = name.replace(/-\d+$/, '');
      return order.includes(kind) ? order.indexOf(kind) : order.length;
    };
    const ordered = [...this.children].sort((a, b) => rank(a.name) - rank(b.name));
    for (const supervised of ordered) await this.stop(supervised);
  }

  /** SIGKILL to every child still running: a second Ctrl-C means now. */
  killAll(): void {
    for (const supervised of this.children) {
      supervised.stopping = true;
      signalGroup(supervised.child, 'SIGKILL');
    }
  }

  private async stop(supervised: Supervised): Promise<void> {
    supervised.stopping = true;
    if (!isRunning(supervised.child)) return;
    signalGroup(supervised.child, 'SIGTERM');
    const stoppedInTime = await Promise.race([
      supervised.exited.then(() => true),
      delay(supervised.stopTimeoutMs, false, { ref: false }),
    ]);
    if (!stoppedInTime) {
      process.stderr.write(
        `${supervised.name} did not stop within ${supervised.stopTimeoutMs} ms of SIGTERM; killing it\n`,
      );
      signalGroup(supervised.child, 'SIGKILL');
    }
    await supervised.exited;
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

/** The child leads its own process group (detached): signalling the group reaches anything it started too. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!isRunning(child) || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function lastLine(text: string): string | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.at(-1);
}
