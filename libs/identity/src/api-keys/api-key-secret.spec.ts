import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { generateApiKey, hashApiKey, parseApiKey } from './api-key-secret';

const TENANT = '65a1b2c3d4e5f60718293a4b';
const KEY_FORMAT = /^tp_live_(?:[0-9a-f]{24}_)?[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/;

describe('API key secrets', () => {
  it('look like tp_live_<tenant id>_<8-char random>_<43 base62 characters>, the prefix naming the tenant', () => {
    const { key, prefix } = generateApiKey(TENANT.toUpperCase());
    expect(key).toMatch(new RegExp(`^tp_live_${TENANT}_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$`));
    expect(prefix).toMatch(new RegExp(`^${TENANT}_[0-9A-Za-z]{8}$`));
    expect(key.startsWith(`tp_live_${prefix}_`)).toBe(true);
  });

  it('carry at least 256 bits of randomness in the secret part', () => {
    expect(43 * Math.log2(62)).toBeGreaterThanOrEqual(256);
  });

  it('are stored as the SHA-256 of the whole key (tenant part included), never the key', () => {
    const { key, hash } = generateApiKey(TENANT);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).not.toContain(key.slice(-43));
    expect(hashApiKey(key)).toBe(hash);
  });

  it('never repeat', () => {
    const keys = new Set(Array.from({ length: 2000 }, () => generateApiKey(TENANT).key));
    expect(keys.size).toBe(2000);
  });

  it('use every base62 character (no character left out by a biased generator)', () => {
    const seen = new Set(Array.from({ length: 400 }, () => generateApiKey(TENANT).key.slice(-43)).join(''));
    expect(seen.size).toBe(62);
  });

  it('name the tenant of a new key, and none for a key made before prefixes named it', () => {
    expect(parseApiKey(generateApiKey(TENANT).key)).toEqual({ tenantId: TENANT });
    expect(parseApiKey('tp_live_abcdefgh_' + 'a'.repeat(43))).toEqual({ tenantId: null });
  });

  it('recognises only well-formed keys', () => {
    for (const candidate of [
      '',
      'tp_live_',
      'tp_test_abcdefgh_' + 'a'.repeat(43),
      'tp_live_abcdefg_' + 'a'.repeat(43),
      'tp_live_abcdefgh_' + 'a'.repeat(42),
      'tp_live_abcdefgh_' + 'a'.repeat(44),
      'tp_live_abcdefgh_' + 'a'.repeat(42) + '-',
      ' tp_live_abcdefgh_' + 'a'.repeat(43),
      'tp_live_abcdefgh_' + 'a'.repeat(43) + '\n',
      `tp_live_${TENANT.toUpperCase()}_abcdefgh_` + 'a'.repeat(43),
      `tp_live_${TENANT.slice(1)}_abcdefgh_` + 'a'.repeat(43),
    ]) {
      expect(parseApiKey(candidate)).toBeNull();
    }
  });

  it('refuses anything that is not exactly the format', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (candidate) => {
        if (parseApiKey(candidate) !== null) expect(candidate).toMatch(KEY_FORMAT);
      }),
    );
  });
});
