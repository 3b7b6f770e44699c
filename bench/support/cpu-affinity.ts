/**
 * Keeps the measured process and the processes it talks to on separate cores. On a 2-core machine, a server,
 * its load generator and Redis otherwise take turns on both cores, and the measured process's share of CPU
 * (hence its throughput) moves with whatever else the kernel schedules. `taskset` (util-linux) sets every
 * thread's affinity; where it or a second core is missing, nothing is pinned and the result says so.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface CoreLayout {
  /** This (the measured) process's core, or null when the processes could not be kept apart. */
  readonly self: string | null;
  /** The cores for the processes it talks to (load generator, redis-server), to pin with {@link pinProcess}. */
  readonly others: string | null;
}

export function splitCores(): CoreLayout {
  // Counted before pinning: once pinned, this process sees only its own core.
  const cpus = availableParallelism();
  if (cpus < 2 || !pinProcess(process.pid, '0')) return { self: null, others: null };
  return { self: '0', others: `1-${cpus - 1}` };
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
