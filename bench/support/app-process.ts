/**
 * The API or the worker as a real child process, started as its own `main.ts` is (as `npm start` runs it), its
 * output appended to a log file: for the soak and chaos runs, which kill, stop and restart them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';

const WORKSPACE = path.join(__dirname, '..', '..');

export class AppProcess {
  private child: ChildProcess | undefined;

  constructor(
    private readonly name: 'api' | 'worker',
    private readonly environment: NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {}

  start(): void {
    const output = openSync(this.logFile, 'a');
    this.child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(WORKSPACE, 'apps', this.name, 'src', 'main.ts')],
      { cwd: WORKSPACE, env: this.environment, stdio: ['ignore', output, output] },
    );
    closeSync(output);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals): Promise<NodeJS.Signals | null> {
    const child = this.child;
    if (child === undefined || !this.running) return null;
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    child.kill(signal);
    const [, exitSignal] = await exited;
    return exitSignal;
  }
}
