import { randomBytes } from 'node:crypto';
import type { WebhooksOptions } from '../webhooks-options';
import { generateWebhookSecret } from './generate-webhook-secret';
import { WebhookSecretCipher } from './webhook-secret-cipher.service';
import { WebhookSecretEncryptionUnavailableException } from './webhook-secret-encryption-unavailable.exception';

const options = (key: Buffer | null): WebhooksOptions => ({
  secretEncryptionKey: key,
  allowedHosts: [],
  hintAllowedHosts: true,
  retryDelaysMs: [],
  retryJitter: 0,
  attemptTimeoutMs: 1000,
});
const binding = { tenantId: 'a'.repeat(24), endpointId: 'b'.repeat(24) };

describe('generateWebhookSecret', () => {
  it('is whsec_ and 32 random bytes in base64url, different every time', () => {
    const secrets = new Set(Array.from({ length: 50 }, generateWebhookSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret.slice(6), 'base64url')).toHaveLength(32);
    }
  });
});

describe('WebhookSecretCipher', () => {
  const cipher = new WebhookSecretCipher(options(randomBytes(32)));

  it('round-trips a secret without storing it in the clear', () => {
    const secret = generateWebhookSecret();
    const stored = cipher.encrypt(secret, binding);
    expect(stored).not.toContain(secret.slice(6));
    expect(stored).toMatch(/^v1\./);
    expect(cipher.decrypt(stored, binding)).toBe(secret);
  });

  it('uses a fresh IV each time', () => {
    const secret = generateWebhookSecret();
    expect(cipher.encrypt(secret, binding)).not.toBe(cipher.encrypt(secret, binding));
  });

  it('refuses a ciphertext moved to another endpoint or tenant', () => {
    const stored = cipher.encrypt(generateWebhookSecret(), binding);
    expect(() => cipher.decrypt(stored, { ...binding, endpointId: 'c'.repeat(24) })).toThrow();
    expect(() => cipher.decrypt(stored, { ...binding, tenantId: 'c'.repeat(24) })).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const stored = cipher.encrypt(generateWebhookSecret(), binding);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), binding)).toThrow();
  });

  it('refuses a ciphertext made under another key', () => {
    const other = new WebhookSecretCipher(options(randomBytes(32)));
    expect(() => cipher.decrypt(other.encrypt(generateWebhookSecret(), binding), binding)).toThrow();
  });

  it('fails clearly when no key is configured', () => {
    const unconfigured = new WebhookSecretCipher(options(null));
    expect(() => unconfigured.encrypt('whsec_x', binding)).toThrow(
      WebhookSecretEncryptionUnavailableException,
    );
  });
});
