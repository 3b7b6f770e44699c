import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const CONSOLE_SOURCES = path.join(WORKSPACE, 'apps/console');
const BUILT_PAGE = path.join(WORKSPACE, 'dist/apps/console/index.html');
/**
 * Held while one Jest worker builds: several Chromium specs start at once, and a second `vite build` empties
 * dist/apps/console under the first one (or under an API booting from it) — vite itself refuses two builds.
 */
const BUILD_LOCK = path.join(WORKSPACE, 'dist/.console-build.lock');
/** A lock older than any build is a worker that died holding it. */
const STALE_LOCK_MS = 180_000;
const LOCK_POLL_MS = 250;

/**
 * Builds the staff console (`vite build`, a few seconds) when dist/apps/console is missing or older than its
 * sources, so a browser spec always drives the code under test. One worker builds at a time; the others wait
 * and find it fresh. Call before creating the API application: it reads the built files at boot.
 */
export async function ensureConsoleBuilt(): Promise<void> {
  if (isFresh()) return;
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  while (!tryLock()) await sleep(LOCK_POLL_MS);
  try {
    if (isFresh()) return;
    execFileSync(
      process.execPath,
      [path.join(WORKSPACE, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'apps/console/vite.config.mts'],
      { cwd: WORKSPACE, stdio: 'pipe' },
    );
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function isFresh(): boolean {
  return existsSync(BUILT_PAGE) && statSync(BUILT_PAGE).mtimeMs >= newestSourceMtime(CONSOLE_SOURCES);
}

/** mkdir is atomic: exactly one worker creates the directory. */
function tryLock(): boolean {
  try {
    mkdirSync(BUILD_LOCK);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const lockedAt = statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs;
    if (lockedAt !== undefined && Date.now() - lockedAt > STALE_LOCK_MS)
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    return false;
  }
}

function newestSourceMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}
