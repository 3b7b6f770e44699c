import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
const DOCUMENT = path.join(WORKSPACE_ROOT, 'apps/api/openapi.json');

/** `npm run sdk:generate -- --check …`: its exit code and what it printed to stderr. */
async function check(...args: string[]): Promise<{ code: number; stderr: string }> {
  const run = promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', 'libs/sdk/codegen/generate-api-types.main.ts', '--check', ...args],
    { cwd: WORKSPACE_ROOT },
  );
  return run.then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

describe("the SDK's generated API types (libs/sdk/src/generated)", () => {
  it('are what `npm run sdk:generate` renders from apps/api/openapi.json (run it after changing the document)', async () => {
    expect(await check()).toEqual({ code: 0, stderr: '' });
  }, 120_000);

  it('are reported stale against a document with one more operation', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'sdk-types-'));
    try {
      const document = JSON.parse(await readFile(DOCUMENT, 'utf8')) as { paths: Record<string, unknown> };
      document.paths['/v1/an-operation-added-later'] = {
        get: { operationId: 'addedLater', responses: { '204': { description: 'nothing' } } },
      };
      const changed = path.join(directory, 'openapi.json');
      await writeFile(changed, JSON.stringify(document));
      const result = await check(`--document=${changed}`);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is stale');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
