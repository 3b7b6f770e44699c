import type { AppConfig } from '@tenantpay/platform';
import { randomBytes } from 'node:crypto';
import { DEFAULT_WEBHOOK_RETRY_DELAYS_MS } from './webhooks.constant';
import { webhooksOptionsFromAppConfig } from './webhooks-options';

const config = (env: AppConfig['env'], webhooks: AppConfig['webhooks']) => ({ env, webhooks }) as AppConfig;

describe('webhooksOptionsFromAppConfig', () => {
  it('decodes the 32-byte key and normalizes the allow-list', () => {
    const key = randomBytes(32);
    const options = webhooksOptionsFromAppConfig(
      config('production', {
        secretEncryptionKey: key.toString('base64'),
        allowedHosts: [' LocalHost. ', '[::1]', ''],
      }),
    );
    expect(options.secretEncryptionKey?.equals(key)).toBe(true);
    expect(options.allowedHosts).toEqual(['localhost', '::1']);
    expect(options.retryDelaysMs).toEqual(DEFAULT_WEBHOOK_RETRY_DELAYS_MS);
  });

  // The key's presence (in production) and length are validated with the rest of the configuration.
  it('has no key when none is configured, and nothing allow-listed', () => {
    expect(
      webhooksOptionsFromAppConfig(config('test', { secretEncryptionKey: null, allowedHosts: [] })),
    ).toEqual(expect.objectContaining({ secretEncryptionKey: null, allowedHosts: [] }));
  });
});
