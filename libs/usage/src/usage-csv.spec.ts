import { csvCell, usageRowsToCsv } from './usage-csv';
import type { TenantUsageRow } from './usage-report';

const row = (overrides: Partial<TenantUsageRow> = {}): TenantUsageRow => ({
  tenantId: 't1',
  tenantSlug: 'bank1',
  tenantName: 'Bank One',
  tier: 'STARTER',
  period: '2025-01',
  periodStart: '2025-01-01T00:00:00.000Z',
  periodEnd: '2025-02-01T00:00:00.000Z',
  closed: false,
  usage: { api_calls: 10, transactions: 2, storage_bytes: 300, bandwidth_bytes: 4000 },
  limits: { transactions: 1000 },
  percentUsed: { transactions: 0.2 },
  ...overrides,
});

describe('usageRowsToCsv', () => {
  it('writes a header and one CRLF-terminated line per tenant', () => {
    expect(
      usageRowsToCsv([
        row(),
        row({ tenantId: 't2', limits: { transactions: 'unlimited' }, percentUsed: { transactions: null } }),
      ]),
    ).toBe(
      'tenant_id,tenant_slug,tenant_name,tier,period,period_start,period_end,api_calls,transactions,storage_bytes,' +
        'bandwidth_bytes,transactions_limit,transactions_percent_used,closed\r\n' +
        't1,bank1,Bank One,STARTER,2025-01,2025-01-01T00:00:00.000Z,2025-02-01T00:00:00.000Z,10,2,300,4000,1000,0.2,false\r\n' +
        't2,bank1,Bank One,STARTER,2025-01,2025-01-01T00:00:00.000Z,2025-02-01T00:00:00.000Z,10,2,300,4000,unlimited,,false\r\n',
    );
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('Bank, "One"\nLtd')).toBe('"Bank, ""One""\nLtd"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });
});
