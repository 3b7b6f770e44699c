import type { WebhooksOptions } from '../webhooks-options';
import { WebhookDestinationGuard } from './webhook-destination-guard.service';
import { WebhookDestinationRefusedException } from './webhook-destination-refused.exception';
import type { WebhookDnsResolver } from './webhook-dns-resolver';

const resolver: WebhookDnsResolver = {
  resolve: (hostname) =>
    Promise.resolve(
      hostname === 'dev.internal'
        ? [{ address: '10.0.0.5', family: 4 }]
        : [{ address: '93.184.216.34', family: 4 }],
    ),
};

function guard(hintAllowedHosts: boolean, allowedHosts: string[] = []): WebhookDestinationGuard {
  const options: WebhooksOptions = {
    secretEncryptionKey: null,
    allowedHosts,
    hintAllowedHosts,
    retryDelaysMs: [],
    retryJitter: 0,
    attemptTimeoutMs: 1000,
  };
  return new WebhookDestinationGuard(options, resolver);
}

async function refusal(check: Promise<unknown>): Promise<WebhookDestinationRefusedException> {
  const error: unknown = await check.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WebhookDestinationRefusedException);
  return error as WebhookDestinationRefusedException;
}

describe('WebhookDestinationGuard refusals', () => {
  it('names WEBHOOK_ALLOWED_HOSTS and the host outside production when an http URL is refused', async () => {
    const refused = await refusal(guard(true).check('http://localhost:4000/hooks'));
    expect(refused.reason).toBe('must be an https URL');
    expect(refused.message).toContain('WEBHOOK_ALLOWED_HOSTS');
    expect(refused.details).toEqual([
      expect.objectContaining({
        field: 'url',
        param: 'url',
        issue: 'must be an https URL',
        hint: expect.stringContaining('add localhost to WEBHOOK_ALLOWED_HOSTS'),
      }),
    ]);
  });

  it('names WEBHOOK_ALLOWED_HOSTS outside production when a private address is refused', async () => {
    const refused = await refusal(guard(true).check('https://dev.internal/hooks'));
    expect(refused.reason).toMatch(/^resolves to a non-public address/);
    expect(refused.details?.[0]?.['hint']).toContain('add dev.internal to WEBHOOK_ALLOWED_HOSTS');
  });

  it('gives no hint in production, where the allow-list is the operator’s decision', async () => {
    const refused = await refusal(guard(false).check('http://localhost:4000/hooks'));
    expect(refused.message).not.toContain('WEBHOOK_ALLOWED_HOSTS');
    expect(refused.details?.[0]).not.toHaveProperty('hint');
  });

  it('gives no hint for a refusal the allow-list would not lift', async () => {
    const refused = await refusal(guard(true).check('ftp://example.com/hooks'));
    expect(refused.details?.[0]).not.toHaveProperty('hint');
  });

  it('accepts an allow-listed host over http', async () => {
    await expect(guard(true, ['localhost']).check('http://localhost:4000/hooks')).resolves.toEqual(
      expect.objectContaining({ hostname: 'localhost' }),
    );
  });
});
