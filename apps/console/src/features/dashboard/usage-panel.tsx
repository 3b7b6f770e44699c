import { useEffect, useState } from 'preact/hooks';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { formatDate } from '../../format/format-date';
import { formatNumber } from '../../format/format-number';
import { ErrorState } from '../../ui/error-state';
import type { UsageReport } from './usage-report';

/** This month's transactions against the tier's limit, with when the quota resets. */
export function UsagePanel() {
  const [report, setReport] = useState<UsageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    consoleApi
      .GET('/v1/usage')
      .then((body) => setReport(body as unknown as UsageReport))
      .catch((failure: unknown) => setError(apiErrorMessage(failure)));
  }, []);
  if (error !== null) return <ErrorState message={error} />;
  if (report === null) return <p aria-busy="true">Loading usage…</p>;
  const limit = report.limits.transactions;
  return (
    <section class="card" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage this month</h2>
      <p>
        {formatNumber(report.usage.transactions)} transactions
        {limit === 'unlimited' ? ' (no monthly limit)' : ` of ${formatNumber(limit)}`}
      </p>
      {report.percentUsed.transactions !== null && (
        <progress
          max={100}
          value={Math.min(100, report.percentUsed.transactions)}
          aria-label="Share of the monthly transaction limit used"
        />
      )}
      <p class="muted">
        {formatNumber(report.usage.api_calls)} API calls · resets {formatDate(report.periodEnd)}
      </p>
    </section>
  );
}
