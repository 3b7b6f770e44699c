import { useEffect, useMemo, useState } from 'preact/hooks';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { formatMoney } from '../../format/format-money';
import { ErrorState } from '../../ui/error-state';
import { humanize } from '../payments/payment';
import { DailyChart } from './daily-chart';
import { dailySeries } from './daily-series';
import type { PaymentAnalytics } from './payment-analytics';

/** A colour per status, distinguishable and readable on white. */
const STATUS_COLORS: Readonly<Record<string, string>> = {
  COMPLETED: '#1a7f37',
  PENDING: '#9a6700',
  PROCESSING: '#0969da',
  AWAITING_APPROVAL: '#8250df',
  FAILED: '#cf222e',
  CANCELED: '#57606a',
  REJECTED: '#bc4c00',
  PARTIALLY_REFUNDED: '#1b7c83',
  REFUNDED: '#6e7781',
};

/** This month so far: payments per day by status, and the main currency's volume per day. */
export function PaymentCharts() {
  const [analytics, setAnalytics] = useState<PaymentAnalytics | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const today = new Date().toISOString().slice(0, 10);
    consoleApi
      .GET('/v1/payments/analytics', { params: { query: { from: `${today.slice(0, 8)}01`, to: today } } })
      .then((body) => setAnalytics(body as unknown as PaymentAnalytics))
      .catch((failure: unknown) => setError(apiErrorMessage(failure)));
  }, []);
  const series = useMemo(() => (analytics === null ? null : dailySeries(analytics)), [analytics]);
  const statusLines = useMemo(
    () =>
      series === null
        ? []
        : [...series.countsByStatus.entries()].map(([status, values]) => ({
            label: humanize(status),
            values,
            color: STATUS_COLORS[status] ?? '#24292f',
          })),
    [series],
  );
  const volumeLine = useMemo(
    () =>
      series?.volume == null
        ? []
        : [{ label: `Volume (${series.volume.currency})`, values: series.volume.perDay, color: '#0969da' }],
    [series],
  );
  if (error !== null) return <ErrorState message={error} />;
  if (series === null) return <p aria-busy="true">Loading charts…</p>;
  const total = statusLines.reduce((sum, line) => sum + line.values.reduce((a, b) => a + b, 0), 0);
  return (
    <section class="card" aria-labelledby="charts-title" id="payment-charts">
      <h2 id="charts-title">Payments this month</h2>
      <DailyChart
        title="Payments per day, by status"
        summary={`${total} payments this month: ${statusLines.map((line) => `${line.label} ${line.values.reduce((a, b) => a + b, 0)}`).join(', ')}.`}
        days={series.days}
        series={statusLines}
      />
      {series.volume !== null && (
        <DailyChart
          title={`Volume per day in ${series.volume.currency}`}
          summary={`Volume this month: ${formatMoney(
            series.volume.perDay.reduce((a, b) => a + b, 0),
            series.volume.currency,
          )}.`}
          days={series.days}
          series={volumeLine}
          formatValue={(value) => formatMoney(Math.round(value), series.volume?.currency ?? 'EUR')}
        />
      )}
    </section>
  );
}
