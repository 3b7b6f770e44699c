import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('look like tp_live_<8-char public prefix>_<43 base62 characters>', () => {
    const { key, prefix } = generateApiKey();
    expect(key).toMatch(/^tp_live_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
    expect(key.startsWith(`tp_live_${prefix}_`)).toBe(true);
  });

  it('carry at least 256 bits of randomness in the secret part', () => {
    expect(43 * Math.log2(62)).toBeGreaterThanOrEqual(256);
  });

  it('are stored as the SHA-256 of the whole key, never the key', () => {
    const { key, hash } = generateApiKey();
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).not.toContain(key.slice(-43));
    expect(hashApiKey(key)).toBe(hash);
  });

  it('never repeat', () => {
    const keys = new Set(Array.from({ length: 2000 }, () => generateApiKey().key));
    expect(keys.size).toBe(2000);
  });

  it('use every base62 character (no character left out by a biased generator)', () => {
    const seen = new Set(Array.from({ length: 400 }, () => generateApiKey().key.slice(17)).join(''));
    expect(seen.size).toBe(62);
  });

  it('recognises only well-formed keys', () => {
    expect(isWellFormedApiKey(generateApiKey().key)).toBe(true);
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
    ]) {
      expect(isWellFormedApiKey(candidate)).toBe(false);
    }
  });

  it('refuses anything that is not exactly the format', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (candidate) => {
        if (isWellFormedApiKey(candidate))
          expect(candidate).toMatch(/^tp_live_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
      }),
    );
  });
});
