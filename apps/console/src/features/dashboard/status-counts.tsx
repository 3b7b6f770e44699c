import { useEffect, useState } from 'preact/hooks';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { formatMoney } from '../../format/format-money';
import { formatNumber } from '../../format/format-number';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { humanize } from '../payments/payment';

/** `GET /v1/payments/stats` (every tier; the document declares no body yet). */
interface PaymentStats {
  readonly countsByStatus: Readonly<Record<string, number>>;
  readonly volumeByCurrency: readonly {
    currency: string;
    completed: number;
    refunded: number;
    count: number;
  }[];
}

/** All-time payment counts by status and captured volume by currency. */
export function StatusCounts() {
  const [stats, setStats] = useState<PaymentStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    consoleApi
      .GET('/v1/payments/stats')
      .then((body) => setStats(body as unknown as PaymentStats))
      .catch((failure: unknown) => setError(apiErrorMessage(failure)));
  }, []);
  if (error !== null) return <ErrorState message={error} />;
  if (stats === null) return <p aria-busy="true">Loading totals…</p>;
  return (
    <section class="card" aria-labelledby="totals-title">
      <h2 id="totals-title">Totals</h2>
      <DataTable
        caption="Payments by status"
        rows={Object.entries(stats.countsByStatus)}
        rowKey={([status]) => status}
        emptyTitle="No payments yet."
        columns={[
          { header: 'Status', cell: ([status]) => humanize(status) },
          { header: 'Payments', numeric: true, cell: ([, count]) => formatNumber(count) },
        ]}
      />
      <DataTable
        caption="Volume by currency"
        rows={stats.volumeByCurrency}
        rowKey={(row) => row.currency}
        emptyTitle="No captured volume yet."
        columns={[
          { header: 'Currency', cell: (row) => row.currency },
          { header: 'Captured', numeric: true, cell: (row) => formatMoney(row.completed, row.currency) },
          { header: 'Refunded', numeric: true, cell: (row) => formatMoney(row.refunded, row.currency) },
        ]}
      />
    </section>
  );
}
