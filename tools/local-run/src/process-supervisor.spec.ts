import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { ProcessSupervisor, type SupervisedExit } from './process-supervisor';

/** A child node process running `script`. */
const node = (script: string): [string, string[]] => [process.execPath, ['-e', script]];

/** Stays up until SIGTERM, then takes 100 ms to stop, or ignores SIGTERM altogether. */
const server = (onTerm: 'exit-after-100ms' | 'ignore') =>
  node(
    onTerm === 'ignore'
      ? "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); process.send('ready');"
      : "process.on('SIGTERM', () => setTimeout(() => process.exit(0), 100)); setInterval(() => {}, 1000); process.send('ready');",
  );

async function started(
  supervisor: ProcessSupervisor,
  name: string,
  command: [string, string[]],
  stopTimeoutMs = 5_000,
) {
  const child = supervisor.start(name, command[0], command[1], { stopTimeoutMs });
  // Sent once the script's signal handlers are in place (the supervisor gives every child an IPC channel).
  await once(child, 'message');
  return child;
}

describe('ProcessSupervisor (npm start)', () => {
  it('stops the children one after the other in the given order, each once the previous one exited', async () => {
    const unexpected: SupervisedExit[] = [];
    const supervisor = new ProcessSupervisor((exit) => unexpected.push(exit));
    const exits: string[] = [];
    for (const name of ['redis-like', 'worker', 'api']) {
      const child = await started(supervisor, name, server('exit-after-100ms'));
      child.once('exit', (_code, signal) => exits.push(`${name}:${signal ?? 'clean'}`));
    }

    await supervisor.stopAll(['api', 'worker']);

    expect(exits).toEqual(['api:clean', 'worker:clean', 'redis-like:clean']);
    expect(unexpected).toEqual([]);
  });

  it('kills a child that ignores SIGTERM once its stop timeout has passed, leaving nothing running', async () => {
    const supervisor = new ProcessSupervisor(() => undefined);
    const stubborn = await started(supervisor, 'worker', server('ignore'), 500);

    const began = Date.now();
    await supervisor.stopAll(['worker']);

    expect(stubborn.signalCode).toBe('SIGKILL');
    expect(Date.now() - began).toBeGreaterThanOrEqual(500);
    expect(() => process.kill(stubborn.pid ?? 0, 0)).toThrow();
  });

  it('reports a child that dies on its own with its exit code and the last line of its stderr', async () => {
    const exited = new Promise<SupervisedExit>((resolve) => {
      const supervisor = new ProcessSupervisor(resolve);
      supervisor.start(
        'api',
        ...node(
          "process.stderr.write('starting\\n[api] failed to start: API_PORT 3000 is already in use\\n'); process.exit(3);",
        ),
        { stopTimeoutMs: 1_000 },
      );
    });

    expect(await exited).toEqual({
      name: 'api',
      code: 3,
      signal: null,
      lastError: '[api] failed to start: API_PORT 3000 is already in use',
    });
  });

  it('does not report the exits it caused', async () => {
    const unexpected: SupervisedExit[] = [];
    const supervisor = new ProcessSupervisor((exit) => unexpected.push(exit));
    await started(supervisor, 'api', server('ignore'), 200);
    await supervisor.stopAll([]);
    await delay(100);
    expect(unexpected).toEqual([]);
  });

  it("runs each child in a process group of its own, which a terminal's Ctrl-C to the launcher's group does not reach", async () => {
    const supervisor = new ProcessSupervisor(() => undefined);
    const child = await started(supervisor, 'worker', server('exit-after-100ms'));
    // The child leads its group: signalling the group id reaches it; the test's own group is another one.
    expect(() => process.kill(-(child.pid ?? 0), 0)).not.toThrow();
    await supervisor.stopAll([]);
  });
});
