import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const CONSOLE_SOURCES = path.join(WORKSPACE, 'apps/console');
const BUILT_PAGE = path.join(WORKSPACE, 'dist/apps/console/index.html');

/**
 * Builds the staff console (`vite build`, a few seconds) when dist/apps/console is missing or older than its
 * sources, so a browser spec always drives the code under test. Call before creating the API application: it
 * reads the built files at boot.
 */
export function ensureConsoleBuilt(): void {
  if (existsSync(BUILT_PAGE) && statSync(BUILT_PAGE).mtimeMs >= newestSourceMtime(CONSOLE_SOURCES)) return;
  execFileSync(
    process.execPath,
    [path.join(WORKSPACE, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'apps/console/vite.config.mts'],
    {
      cwd: WORKSPACE,
      stdio: 'pipe',
    },
  );
}

function newestSourceMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}
