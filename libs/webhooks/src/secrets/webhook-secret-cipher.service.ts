import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from '../webhooks-options';
import { WebhookSecretEncryptionUnavailableException } from './webhook-secret-encryption-unavailable.exception';

const FORMAT_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Endpoint secrets at rest. They cannot be hashed like API keys because the worker needs the secret itself
 * to sign every delivery, so they are encrypted with AES-256-GCM under a key from the deployment's
 * configuration, never stored in the database: a database dump alone reveals no secret.
 *
 * The ciphertext is bound (as GCM associated data) to its tenant and endpoint, so a stored secret copied
 * onto another endpoint or tenant fails to decrypt instead of signing for it. Stored form:
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), the version leaving room for a key ring later.
 */
@Injectable()
export class WebhookSecretCipher {
  private readonly key: Buffer | null;

  constructor(@Inject(WEBHOOKS_OPTIONS) options: WebhooksOptions) {
    this.key = options.secretEncryptionKey;
  }

  encrypt(secret: string, binding: SecretBinding): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.requireKey(), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(binding));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT_VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the stored value was tampered with, moved, or encrypted under another key. */
  decrypt(stored: string, binding: SecretBinding): string {
    const [version, iv, tag, ciphertext, ...rest] = stored.split('.');
    if (
      version !== FORMAT_VERSION ||
      iv === undefined ||
      tag === undefined ||
      ciphertext === undefined ||
      rest.length > 0
    )
      throw new Error('Unrecognised webhook secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.requireKey(), Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedData(binding));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  private requireKey(): Buffer {
    if (this.key === null) throw new WebhookSecretEncryptionUnavailableException();
    return this.key;
  }
}

export interface SecretBinding {
  readonly tenantId: string;
  readonly endpointId: string;
}

function associatedData({ tenantId, endpointId }: SecretBinding): Buffer {
  return Buffer.from(`tenantpay:webhook-endpoint-secret:${tenantId}:${endpointId}`, 'utf8');
}
