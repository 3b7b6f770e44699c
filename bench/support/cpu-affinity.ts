/**
 * Keeps a measured server and its load on separate cores. On a 2-core machine, the load generator, Redis and
 * the server otherwise take turns on both cores, and the server's share of CPU (hence its requests/s) moves
 * with whatever else the kernel schedules. `taskset` (util-linux) sets every thread's affinity; where it or a
 * second core is missing, nothing is pinned and the result says so.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface CoreLayout {
  /** The server's core, or null when the processes could not be kept apart. */
  readonly server: string | null;
  /** The core of everything that serves the server: the load generator, redis-server. */
  readonly load: string | null;
}

export function splitCores(): CoreLayout {
  // Counted before pinning: once pinned, this process sees only its own core.
  const cpus = availableParallelism();
  if (cpus < 2 || !pinProcess(process.pid, '0')) return { server: null, load: null };
  return { server: '0', load: `1-${cpus - 1}` };
}

/** Pins every thread of `pid` to the CPU list (taskset syntax); false when that is not possible here. */
export function pinProcess(pid: number, cpus: string): boolean {
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
