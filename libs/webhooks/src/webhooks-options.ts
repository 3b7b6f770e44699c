import type { AppConfig } from '@tenantpay/platform';
import {
  DEFAULT_WEBHOOK_ATTEMPT_TIMEOUT_MS,
  DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
  DEFAULT_WEBHOOK_RETRY_JITTER,
} from './webhooks.constant';

/** What the webhooks library needs from the application's configuration. */
export interface WebhooksOptions {
  /**
   * AES-256-GCM key (32 bytes) that encrypts endpoint secrets at rest; null when none is configured, in
   * which case creating endpoints and signing deliveries fail (and production refuses to start).
   */
  readonly secretEncryptionKey: Buffer | null;
  /**
   * Host names and IP addresses that may be delivered to although they are private (tests, local
   * development), and that may use plain http. Compared case-insensitively, without a trailing dot.
   */
  readonly allowedHosts: readonly string[];
  /**
   * Whether a refused private or http URL names WEBHOOK_ALLOWED_HOSTS as the way to allow it: outside
   * production only, where a developer points an endpoint at their own machine; in production the
   * allow-list is an operator's decision, not a tenant's.
   */
  readonly hintAllowedHosts: boolean;
  readonly retryDelaysMs: readonly number[];
  readonly retryJitter: number;
  readonly attemptTimeoutMs: number;
}

export const WEBHOOKS_OPTIONS = Symbol('WEBHOOKS_OPTIONS');

/** From WEBHOOK_SECRET_ENCRYPTION_KEY and WEBHOOK_ALLOWED_HOSTS (validated by the platform config). */
export function webhooksOptionsFromAppConfig(config: AppConfig): WebhooksOptions {
  const encodedKey = config.webhooks.secretEncryptionKey;
  return {
    secretEncryptionKey: encodedKey === null ? null : Buffer.from(encodedKey, 'base64'),
    allowedHosts: normalizeAllowedHosts(config.webhooks.allowedHosts),
    hintAllowedHosts: config.env !== 'production',
    retryDelaysMs: DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
    retryJitter: DEFAULT_WEBHOOK_RETRY_JITTER,
    attemptTimeoutMs: DEFAULT_WEBHOOK_ATTEMPT_TIMEOUT_MS,
  };
}

export function normalizeAllowedHosts(hosts: readonly string[]): string[] {
  return hosts
    .map((host) =>
      host
        .trim()
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/^\[(.*)\]$/, '$1'),
    )
    .filter((host) => host !== '');
}
