import { loadConfig } from '@tenantpay/platform';
import { argon2i, hash } from 'argon2';
import { PasswordHasher } from './password-hasher.service';

/** A deployment that does not set PASSWORD_HASH_*: the cost every production hash gets at least. */
const defaultConfig = loadConfig({
  MONGODB_URI: 'mongodb://127.0.0.1:27017/tenantpay',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SIGNING_KEYS: `k1:${'a'.repeat(40)}`,
  PAYMENTS_GATEWAY: 'simulated',
});

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(defaultConfig);

  it('hashes with argon2id at the OWASP parameters (19 MiB, t=2, p=1) by default', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    const [, algorithm, version, parameters] = stored.split('$');
    expect({ algorithm, version }).toEqual({ algorithm: 'argon2id', version: 'v=19' });
    expect(Object.fromEntries((parameters ?? '').split(',').map((pair) => pair.split('=')))).toEqual({
      m: '19456',
      t: '2',
      p: '1',
    });
  });

  it('hashes at the configured cost, which needsRehash then measures against', async () => {
    const cheaper = new PasswordHasher({ passwordHashing: { memoryKib: 1024, iterations: 1 } });
    const stored = await cheaper.hash('correct horse battery staple');
    const [, algorithm, , parameters] = stored.split('$');
    expect(algorithm).toBe('argon2id');
    expect(Object.fromEntries((parameters ?? '').split(',').map((pair) => pair.split('=')))).toEqual({
      m: '1024',
      t: '1',
      p: '1',
    });
    await expect(cheaper.verify(stored, 'correct horse battery staple')).resolves.toBe(true);
    expect(cheaper.needsRehash(stored)).toBe(false);
    expect(hasher.needsRehash(stored)).toBe(true);
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
    const fresh = new PasswordHasher(defaultConfig);
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
