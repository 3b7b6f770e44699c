import type { UsageReport } from '../dashboard/usage-report';
import { usageCsv } from './usage-csv';

const report = (period: string, transactions: number, limit: number | 'unlimited'): UsageReport => ({
  period,
  periodStart: `${period}-01T00:00:00.000Z`,
  periodEnd: `${period}-28T00:00:00.000Z`,
  usage: { transactions, api_calls: 7, storage_bytes: 0, bandwidth_bytes: 1024 },
  limits: { transactions: limit },
  percentUsed: { transactions: null },
});

describe('usageCsv', () => {
  it('writes a header and one CRLF line per month, limits as numbers or "unlimited"', () => {
    expect(usageCsv([report('2026-12', 12, 1000), report('2026-11', 3, 'unlimited')])).toBe(
      'period,transactions,transaction_limit,api_calls,storage_bytes,bandwidth_bytes\r\n' +
        '2026-12,12,1000,7,0,1024\r\n' +
        '2026-11,3,unlimited,7,0,1024\r\n',
    );
  });
});
