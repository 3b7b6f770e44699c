import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { consoleBuildDirectory } from './console-build-directory';

describe('consoleBuildDirectory', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'tenantpay-workspace-'));
  writeFileSync(path.join(workspace, 'package.json'), '{}');
  const expected = path.join(workspace, 'dist', 'apps', 'console');

  it.each([
    ['the sources', 'apps/api/src/console'],
    ['the build', 'dist/apps/api/src/console'],
  ])('finds the workspace’s dist/apps/console from %s', (_where, folder) => {
    const from = path.join(workspace, folder);
    mkdirSync(from, { recursive: true });
    expect(consoleBuildDirectory(from)).toBe(expected);
  });
});
