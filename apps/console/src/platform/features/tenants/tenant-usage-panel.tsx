import { useApiData } from '../../../api/use-api-data';
import { formatDate } from '../../../format/format-date';
import { ErrorState } from '../../../ui/error-state';
import { platformApi } from '../../api/platform-api';
import { formatLimit } from './admin-tenant';

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
  const number = new Intl.NumberFormat();
  const bytes = new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 0,
  });
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
          {number.format(report.usage.transactions)} of{' '}
          {limit === undefined ? 'no limit reported' : formatLimit(limit)}
          {percent !== null &&
            ` (${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(percent)} %)`}
        </dd>
        <dt>API calls</dt>
        <dd>{number.format(report.usage.api_calls)}</dd>
        <dt>Storage</dt>
        <dd>{bytes.format(report.usage.storage_bytes / 1000)}</dd>
        <dt>Bandwidth</dt>
        <dd>{bytes.format(report.usage.bandwidth_bytes / 1000)}</dd>
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
