/**
 * A benchmark's child process reports its own CPU time (`process.cpuUsage`, microseconds) over IPC, so the
 * parent can charge each measured round to the process that did the work: the API apart from the MongoDB
 * engine, both apart from the load generator.
 */
import type { ChildProcess } from 'node:child_process';

const CPU_USAGE_REQUEST = 'cpu-usage?';

interface CpuUsageAnswer {
  readonly cpuUsage: NodeJS.CpuUsage;
}

/** In the child: answers every CPU usage request from the parent. */
export function answerCpuUsageRequests(): void {
  process.on('message', (message: unknown) => {
    if (message === CPU_USAGE_REQUEST)
      process.send?.({ cpuUsage: process.cpuUsage() } satisfies CpuUsageAnswer);
  });
}

/** In the parent: the child's user + system CPU time so far, in microseconds. */
export function readCpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (typeof message !== 'object' || message === null || !('cpuUsage' in message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      const { user, system } = (message as CpuUsageAnswer).cpuUsage;
      resolve(user + system);
    };
    const onExit = (code: number | null) => reject(new Error(`process exited with ${code} before answering`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(CPU_USAGE_REQUEST);
  });
}
