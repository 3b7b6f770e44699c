import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'engine.lock';

/**
 * One engine per data folder (mongod's mongod.lock): two processes appending to one journal would corrupt
 * it. A lock left by a process that no longer runs (killed) is taken over.
 */
export class DataDirectoryLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): DataDirectoryLock {
    const file = join(dataDir, LOCK_FILE);
    const holder = readHolder(file);
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The MongoDB engine's data folder ${dataDir} is in use by process ${holder} (${file}); stop it first`,
      );
    }
    writeFileSync(file, `${process.pid}\n`);
    return new DataDirectoryLock(file);
  }

  release(): void {
    rmSync(this.file, { force: true });
  }
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
