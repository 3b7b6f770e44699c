import { argon2i, hash } from 'argon2';
import { PASSWORD_HASH_OPTIONS } from './password-hashing.constant';
import { PasswordHasher } from './password-hasher.service';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at the OWASP parameters (19 MiB, t=2, p=1)', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    const [, algorithm, version, parameters] = stored.split('$');
    expect({ algorithm, version }).toEqual({ algorithm: 'argon2id', version: 'v=19' });
    expect(Object.fromEntries((parameters ?? '').split(',').map((pair) => pair.split('=')))).toEqual({
      m: '19456',
      t: '2',
      p: '1',
    });
    expect(PASSWORD_HASH_OPTIONS).toEqual(
      expect.objectContaining({ memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
    );
  });

  it('salts every hash, so one password never hashes the same way twice', async () => {
    expect(await hasher.hash('same password here')).not.toBe(await hasher.hash('same password here'));
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify(stored, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'correct horse battery stapl')).resolves.toBe(false);
  });

  it('answers false without an account, verifying against a real hash made at the same parameters', async () => {
    const fresh = new PasswordHasher();
    const hashing = jest.spyOn(fresh, 'hash');
    await expect(fresh.verify(null, 'anything at all')).resolves.toBe(false);
    await expect(fresh.verify(null, 'anything else')).resolves.toBe(false);
    // One dummy hash per process, made by the same code path (and so the same cost) as stored hashes.
    expect(hashing).toHaveBeenCalledTimes(1);
  });

  it('answers false for a malformed stored hash instead of throwing', async () => {
    await expect(hasher.verify('not-a-hash', 'whatever password')).resolves.toBe(false);
  });

  it('reports hashes made with weaker parameters as needing a rehash', async () => {
    expect(hasher.needsRehash(await hasher.hash('a strong passphrase'))).toBe(false);
    const weak = await hash('a strong passphrase', {
      type: argon2i,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    expect(hasher.needsRehash(weak)).toBe(true);
  });
});
