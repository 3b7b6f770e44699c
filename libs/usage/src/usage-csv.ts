import type { TenantUsageRow } from './usage-report';

const COLUMNS: readonly [string, (row: TenantUsageRow) => string | number | boolean | null][] = [
  ['tenant_id', (row) => row.tenantId],
  ['tenant_slug', (row) => row.tenantSlug],
  ['tenant_name', (row) => row.tenantName],
  ['tier', (row) => row.tier],
  ['period', (row) => row.period],
  ['period_start', (row) => row.periodStart],
  ['period_end', (row) => row.periodEnd],
  ['api_calls', (row) => row.usage.api_calls],
  ['transactions', (row) => row.usage.transactions],
  ['storage_bytes', (row) => row.usage.storage_bytes],
  ['bandwidth_bytes', (row) => row.usage.bandwidth_bytes],
  ['transactions_limit', (row) => row.limits.transactions],
  ['transactions_percent_used', (row) => row.percentUsed.transactions],
  ['closed', (row) => row.closed],
];

/** RFC 4180 CSV of the billing export: a header line, then one line per tenant, CRLF line ends. */
export function usageRowsToCsv(rows: readonly TenantUsageRow[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([, value]) => csvCell(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Quotes what needs quoting, and defuses text a spreadsheet would run as a formula (tenant names are typed
 * by people): such cells get a leading apostrophe (OWASP CSV injection).
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
