import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import { useApiData } from '../../api/use-api-data';
import type { UsageReport } from '../dashboard/usage-report';
import { formatMonth } from '../../format/format-date';
import { formatLimit } from '../../format/format-limit';
import { formatNumber } from '../../format/format-number';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { recentPeriods } from './recent-periods';
import { usageCsv } from './usage-csv';

const MONTH_CHOICES = [3, 6, 12];

/** Usage month by month, as billed, and its CSV export for finance. */
export function UsageExportPage() {
  const [months, setMonths] = useState(6);
  const reports = useApiData(
    () =>
      Promise.all(
        recentPeriods(months).map(
          (period) => consoleApi.GET('/v1/usage', { params: { query: { period } } }) as Promise<UsageReport>,
        ),
      ),
    [months],
  );
  const download = () => {
    if (reports.data === null) return;
    const url = URL.createObjectURL(new Blob([usageCsv(reports.data)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `usage-${reports.data[reports.data.length - 1]?.period}-to-${reports.data[0]?.period}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <h1>Usage and billing</h1>
      <div class="inline-form">
        <label>
          Months
          <select value={months} onChange={(event) => setMonths(Number(event.currentTarget.value))}>
            {MONTH_CHOICES.map((count) => (
              <option key={count} value={count}>
                Last {count}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={reports.data === null} onClick={download}>
          Download CSV
        </button>
      </div>
      {reports.error !== null && <ErrorState message={reports.error} />}
      <DataTable
        caption="Usage by month"
        busy={reports.data === null && reports.error === null}
        rows={reports.data ?? []}
        rowKey={(report) => report.period}
        emptyTitle="No usage yet."
        columns={[
          { header: 'Month', cell: (report) => formatMonth(report.period) },
          {
            header: 'Transactions',
            numeric: true,
            cell: (report) => formatNumber(report.usage.transactions),
          },
          {
            header: 'Limit',
            numeric: true,
            cell: (report) => formatLimit(report.limits.transactions),
          },
          { header: 'API calls', numeric: true, cell: (report) => formatNumber(report.usage.api_calls) },
        ]}
      />
    </>
  );
}
