import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const KEY_FILE = 'webhook-secret-encryption.key';

/**
 * The WEBHOOK_SECRET_ENCRYPTION_KEY of `npm start` when none is given: webhook signing secrets are stored
 * encrypted under it, and the local database now outlives the run, so the key must too — a fresh key per run
 * would leave every stored secret undecryptable after a restart. It lives beside the data (owner-only file),
 * so deleting the data folder forgets both together. Development only: production requires the variable.
 */
export async function keptDevelopmentWebhookKey(dataDir: string): Promise<{ key: string; created: boolean }> {
  const file = path.join(dataDir, KEY_FILE);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) {
    const key = existing.trim();
    if (Buffer.from(key, 'base64').length !== 32)
      throw new Error(`${file} does not hold a base64 32-byte key; delete it together with the data folder`);
    return { key, created: false };
  }
  const key = randomBytes(32).toString('base64');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}
