import { useState } from 'preact/hooks';
import { apiErrorMessage } from '../../../api/api-error-message';
import { useApiData } from '../../../api/use-api-data';
import { recentPeriods } from '../../../features/usage/recent-periods';
import { titleCase } from '../../../layout/route-gate';
import { formatMonth } from '../../../format/format-date';
import { formatNumber } from '../../../format/format-number';
import { DataTable } from '../../../ui/data-table';
import { ErrorState } from '../../../ui/error-state';
import { platformSessionFetch, platformApi } from '../../api/platform-api';
import { formatLimit } from '../../../format/format-limit';
import { downloadFile } from './download-file';

const PERIOD_CHOICES = 12;

/**
 * Every tenant's usage for a billing period, and the API's own CSV of it (`Accept: text/csv`), so the file
 * finance imports is exactly what the billing export route answers.
 */
export function BillingExportPage() {
  const periods = recentPeriods(PERIOD_CHOICES);
  const [period, setPeriod] = useState(periods[0] ?? '');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const usage = useApiData(
    () => platformApi.GET('/v1/admin/usage', { params: { query: { period } } }),
    [period],
  );

  const download = async () => {
    setDownloadError(null);
    try {
      const response = await platformSessionFetch(
        new Request(`${window.location.origin}/v1/admin/usage?period=${encodeURIComponent(period)}`, {
          headers: { Accept: 'text/csv' },
        }),
      );
      if (!response.ok) throw new Error(`The export failed (HTTP ${response.status}). Try again.`);
      downloadFile(await response.blob(), `usage-${period}.csv`);
    } catch (failure) {
      setDownloadError(apiErrorMessage(failure));
    }
  };

  return (
    <>
      <h1>Billing export</h1>
      <div class="inline-form">
        <label>
          Period
          <select
            id="billing-period"
            value={period}
            onChange={(event) => setPeriod(event.currentTarget.value)}
          >
            {periods.map((choice) => (
              <option key={choice} value={choice}>
                {formatMonth(choice)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" id="download-billing-csv" onClick={() => void download()}>
          Download CSV
        </button>
      </div>
      {downloadError !== null && <ErrorState message={downloadError} />}
      {usage.error !== null && <ErrorState message={usage.error} />}
      <DataTable
        caption={`Every tenant’s usage in ${period}`}
        busy={usage.data === null && usage.error === null}
        rows={usage.data?.data ?? []}
        rowKey={(row) => row.tenantId}
        emptyTitle="No tenants yet."
        columns={[
          { header: 'Tenant', cell: (row) => row.tenantName ?? row.tenantId },
          { header: 'Tier', cell: (row) => (row.tier === null ? '' : titleCase(row.tier)) },
          { header: 'Transactions', numeric: true, cell: (row) => formatNumber(row.usage.transactions) },
          {
            header: 'Limit',
            numeric: true,
            cell: (row) => (row.limits === undefined ? '' : formatLimit(row.limits.transactions)),
          },
          { header: 'API calls', numeric: true, cell: (row) => formatNumber(row.usage.api_calls) },
          { header: 'Final', cell: (row) => (row.closed ? 'Yes' : 'Open') },
        ]}
      />
    </>
  );
}
