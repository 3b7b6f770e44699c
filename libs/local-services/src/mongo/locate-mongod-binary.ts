import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface MongodBinary {
  path: string;
  version: string;
  /** Where the binary was found, for the log line that explains the engine choice. */
  foundVia: string;
}

/** Directories where mongodb-memory-server keeps the binaries it downloaded earlier (global, then project). */
const DOWNLOAD_CACHE_DIRS = [
  join(homedir(), '.cache', 'mongodb-binaries'),
  resolve('node_modules', '.cache', 'mongodb-memory-server'),
];

/**
 * Finds a mongod that can run without a download: the explicit path, then `mongod` on PATH, then
 * mongodb-memory-server's download caches. An explicit path that does not work is an error rather than a reason
 * to fall back, because whoever configured it expects that binary to be used.
 */
export function locateMongodBinary(explicitPath: string | undefined): MongodBinary | undefined {
  if (explicitPath !== undefined) {
    const version = readMongodVersion(explicitPath);
    if (version === undefined) {
      throw new Error(`The configured mongod binary "${explicitPath}" is missing or does not run`);
    }
    return { path: explicitPath, version, foundVia: 'configured path' };
  }
  return findOnPath() ?? findInDownloadCaches();
}

function findOnPath(): MongodBinary | undefined {
  // Asking the shell keeps PATH lookup identical to how an operator would start mongod by hand.
  const lookup = spawnSync('sh', ['-c', 'command -v mongod'], { encoding: 'utf8' });
  const path = lookup.status === 0 ? lookup.stdout.trim() : '';
  if (path === '') return undefined;
  const version = readMongodVersion(path);
  return version === undefined ? undefined : { path, version, foundVia: 'mongod on PATH' };
}

function findInDownloadCaches(): MongodBinary | undefined {
  for (const dir of DOWNLOAD_CACHE_DIRS) {
    const candidates = listFiles(dir)
      .filter((name) => name.startsWith('mongod-') && !name.endsWith('.lock'))
      .sort(newestVersionFirst)
      .map((name) => join(dir, name))
      .filter(isExecutable);
    for (const path of candidates) {
      const version = readMongodVersion(path);
      if (version !== undefined) return { path, version, foundVia: `mongodb-memory-server cache ${dir}` };
    }
  }
  return undefined;
}

function readMongodVersion(path: string): string | undefined {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) return undefined;
  return /db version v?(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
}

function newestVersionFirst(a: string, b: string): number {
  return b.localeCompare(a, 'en', { numeric: true });
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
