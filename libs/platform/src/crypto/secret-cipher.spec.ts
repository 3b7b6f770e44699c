import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { SecretCipher } from './secret-cipher';

describe('SecretCipher', () => {
  const cipher = new SecretCipher(randomBytes(32));

  it('decrypts what it encrypted, for any text and context', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (plaintext, context) => {
        expect(cipher.decrypt(cipher.encrypt(plaintext, context), context)).toBe(plaintext);
      }),
    );
  });

  it('never stores the plaintext and never repeats a ciphertext (fresh IV each time)', () => {
    const first = cipher.encrypt('JBSWY3DPEHPK3PXP', 'mfa:a');
    const second = cipher.encrypt('JBSWY3DPEHPK3PXP', 'mfa:a');
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(first).not.toBe(second);
  });

  it('refuses a value moved to another context', () => {
    const stored = cipher.encrypt('secret', 'mfa:tenant-a:user-1');
    expect(() => cipher.decrypt(stored, 'mfa:tenant-b:user-1')).toThrow();
  });

  it('refuses a value encrypted under another key', () => {
    const stored = new SecretCipher(randomBytes(32)).encrypt('secret', 'ctx');
    expect(() => cipher.decrypt(stored, 'ctx')).toThrow();
  });

  it('refuses a tampered ciphertext and an unknown format', () => {
    const [version, iv, tag, body] = cipher.encrypt('secret', 'ctx').split('.') as [
      string,
      string,
      string,
      string,
    ];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), 'ctx'),
    ).toThrow();
    expect(() => cipher.decrypt('v2.a.b.c', 'ctx')).toThrow('Unrecognised');
    expect(() => cipher.decrypt('v1.a.b', 'ctx')).toThrow('Unrecognised');
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new SecretCipher(randomBytes(16))).toThrow();
  });
});
