/** What the example integration needs to know, from its environment (see readExampleSettings). */
export interface ExampleSettings {
  readonly apiUrl: string;
  readonly tenant: string | undefined;
  readonly apiKey: string;
  readonly webhookHost: string;
  readonly webhookPort: number;
  readonly timeoutMs: number;
}

/**
 * - TENANTPAY_API_URL: the API's origin (default http://localhost:3000, `npm start`); in production the bank's
 *   own host, which names the tenant by itself.
 * - TENANTPAY_TENANT: the tenant's slug or id, sent as X-Tenant-ID where the URL does not name it (locally:
 *   `first-bank` hosts resolve only in browsers, and fetch cannot set a Host header).
 * - TENANTPAY_API_KEY: a tenant API key with payments:read and payments:write (creates and follows the payment)
 *   and webhooks:manage (registers and removes the webhook endpoint).
 * - TENANTPAY_WEBHOOK_HOST / TENANTPAY_WEBHOOK_PORT: where the local receiver listens (127.0.0.1, any free port);
 *   the API must be allowed to call it: WEBHOOK_ALLOWED_HOSTS=127.0.0.1 on the API and the worker.
 * - TENANTPAY_TIMEOUT_SECONDS: how long to wait for completion and for the webhook (default 60).
 */
export function readExampleSettings(environment: NodeJS.ProcessEnv): ExampleSettings {
  const missing: string[] = [];
  const required = (name: string): string => {
    const value = environment[name];
    if (value === undefined || value === '') missing.push(name);
    return value ?? '';
  };
  const settings: ExampleSettings = {
    apiUrl: environment['TENANTPAY_API_URL'] || 'http://localhost:3000',
    tenant: environment['TENANTPAY_TENANT'] || undefined,
    apiKey: required('TENANTPAY_API_KEY'),
    webhookHost: environment['TENANTPAY_WEBHOOK_HOST'] || '127.0.0.1',
    webhookPort: Number(environment['TENANTPAY_WEBHOOK_PORT'] || 0),
    timeoutMs: Number(environment['TENANTPAY_TIMEOUT_SECONDS'] || 60) * 1000,
  };
  if (missing.length > 0)
    throw new Error(`set ${missing.join(', ')} (see tools/sdk-example/src/example-settings.ts)`);
  if (!Number.isInteger(settings.webhookPort) || !(settings.timeoutMs > 0))
    throw new Error('TENANTPAY_WEBHOOK_PORT must be an integer and TENANTPAY_TIMEOUT_SECONDS positive');
  return settings;
}
