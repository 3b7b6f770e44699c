/**
 * `npm run example:integration`: a bank's server-to-server integration with the Tenantpay SDK, run against a
 * Tenantpay API (by default `npm start` on this machine). Settings: see example-settings.ts. Exits 0 once the
 * payment reached a final status and its webhook was verified.
 */
import { TenantpayApiError } from '@tenantpay/sdk';
import { readExampleSettings } from './example-settings';
import { runIntegration } from './run-integration';

const say = (line: string) => process.stdout.write(`[example] ${line}\n`);

async function main(): Promise<void> {
  await runIntegration(readExampleSettings(process.env), say);
}

main().then(
  () => say('done'),
  (error: unknown) => {
    const detail =
      error instanceof TenantpayApiError
        ? `${error.status} ${error.code}: ${error.message} (request ${error.requestId ?? 'unknown'})`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`[example] failed: ${detail}\n`);
    process.exitCode = 1;
  },
);
