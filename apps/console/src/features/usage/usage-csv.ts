import type { UsageReport } from '../dashboard/usage-report';

const HEADER = [
  'period',
  'transactions',
  'transaction_limit',
  'api_calls',
  'storage_bytes',
  'bandwidth_bytes',
];

/**
 * The billing export of a tenant's months, one row per month, as a spreadsheet opens it (RFC 4180: CRLF lines).
 * Every value is a number or a fixed word (`2026-12`, `unlimited`), so no field needs quoting.
 */
export function usageCsv(reports: readonly UsageReport[]): string {
  const rows = reports.map((report) => [
    report.period,
    report.usage.transactions,
    report.limits.transactions,
    report.usage.api_calls,
    report.usage.storage_bytes,
    report.usage.bandwidth_bytes,
  ]);
  return [HEADER, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n';
}
