import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * Secrets that must be read back (not hashed) at rest: AES-256-GCM under a key from the deployment's
 * configuration, never stored in the database, so a database dump alone reveals no secret.
 *
 * Every ciphertext is bound (as GCM associated data) to a context naming what it belongs to (for example
 * `mfa-totp:<tenant>:<user>`): a stored value copied onto another record fails to decrypt instead of being
 * used for it. Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url), the version leaving room for a key ring.
 */
export class SecretCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`SecretCipher needs a ${KEY_BYTES}-byte key`);
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT_VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the stored value was tampered with, moved to another context, or encrypted under another key. */
  decrypt(stored: string, context: string): string {
    const [version, iv, tag, ciphertext, ...rest] = stored.split('.');
    if (
      version !== FORMAT_VERSION ||
      iv === undefined ||
      tag === undefined ||
      ciphertext === undefined ||
      rest.length > 0
    )
      throw new Error('Unrecognised encrypted secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
