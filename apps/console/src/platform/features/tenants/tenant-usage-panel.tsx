import { useApiData } from '../../../api/use-api-data';
import { formatDate } from '../../../format/format-date';
import { formatNumber } from '../../../format/format-number';
import { ErrorState } from '../../../ui/error-state';
import { platformApi } from '../../api/platform-api';
import { formatLimit } from '../../../format/format-limit';

/**
 * The tenant's usage in the current period against its transaction limit; read again whenever the tenant changes
 * (`changedAt`), since a new tier or limit override changes the limit it is measured against.
 */
export function TenantUsagePanel({
  tenantId,
  changedAt,
}: {
  readonly tenantId: string;
  readonly changedAt: string;
}) {
  const usage = useApiData(
    () => platformApi.GET('/v1/admin/tenants/{id}/usage', { params: { path: { id: tenantId } } }),
    [tenantId, changedAt],
  );
  const kilobytes = (bytes: number) =>
    formatNumber(bytes / 1000, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  if (usage.error !== null) return <ErrorState message={usage.error} />;
  const report = usage.data;
  if (report === null) return <p class="muted">Loading usage…</p>;
  const percent = report.percentUsed?.transactions ?? null;
  const limit = report.limits?.transactions;
  return (
    <section class="card" aria-labelledby="usage-title" id="tenant-usage">
      <h2 id="usage-title">
        Usage this period ({formatDate(report.periodStart)} –{' '}
        {formatDate(new Date(Date.parse(report.periodEnd) - 1).toISOString())})
      </h2>
      <dl class="facts">
        <dt>Transactions</dt>
        <dd>
          {formatNumber(report.usage.transactions)} of{' '}
          {limit === undefined ? 'no limit reported' : formatLimit(limit)}
          {percent !== null && ` (${formatNumber(percent, { maximumFractionDigits: 1 })} %)`}
        </dd>
        <dt>API calls</dt>
        <dd>{formatNumber(report.usage.api_calls)}</dd>
        <dt>Storage</dt>
        <dd>{kilobytes(report.usage.storage_bytes)}</dd>
        <dt>Bandwidth</dt>
        <dd>{kilobytes(report.usage.bandwidth_bytes)}</dd>
      </dl>
      {percent !== null && (
        <progress
          max={100}
          value={Math.min(percent, 100)}
          aria-label="Share of the monthly transaction limit used"
        />
      )}
    </section>
  );
}
