import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keptDevelopmentWebhookKey } from './kept-development-webhook-key';

describe('keptDevelopmentWebhookKey', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'webhook-key-')), 'data');
  });
  afterEach(() => rm(path.dirname(dataDir), { recursive: true, force: true }));

  it('creates a 32-byte key readable by its owner only, then gives the same key on the next start', async () => {
    const first = await keptDevelopmentWebhookKey(dataDir);
    expect(first.created).toBe(true);
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    const file = path.join(dataDir, 'webhook-secret-encryption.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await keptDevelopmentWebhookKey(dataDir)).toEqual({ key: first.key, created: false });
    expect((await readFile(file, 'utf8')).trim()).toBe(first.key);
  });

  it('refuses a file that does not hold a key rather than replacing it (stored secrets would be lost)', async () => {
    await keptDevelopmentWebhookKey(dataDir);
    await writeFile(path.join(dataDir, 'webhook-secret-encryption.key'), 'not a key\n');
    await expect(keptDevelopmentWebhookKey(dataDir)).rejects.toThrow(/does not hold a base64 32-byte key/);
  });
});
