import { useMemo, useState } from 'preact/hooks';
import type { components } from '@tenantpay/sdk';
import { useApiData } from '../../../api/use-api-data';
import { DailyChart } from '../../../features/dashboard/daily-chart';
import { formatMoney } from '../../../format/format-money';
import { formatNumber } from '../../../format/format-number';
import { titleCase } from '../../../layout/route-gate';
import { DataTable } from '../../../ui/data-table';
import { ErrorState } from '../../../ui/error-state';
import { formValue } from '../../../ui/form-value';
import { platformApi } from '../../api/platform-api';
import { CategoryBarChart } from '../../ui/category-bar-chart';
import { currenciesByCount, volumeBreakdown } from './volume-breakdown';

type Schemas = components['schemas'];
const DAY_MS = 86_400_000;
const DEFAULT_RANGE_DAYS = 30;

/** `YYYY-MM-DD` in UTC, as the API's days are. */
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

interface Range {
  readonly from: string;
  readonly to: string;
}

/** Payment volume across tenants for a range of days: per day, per tenant, per tier, per status (SPEC §10). */
export function AnalyticsPage() {
  const [range, setRange] = useState<Range>(() => ({
    from: utcDay(Date.now() - (DEFAULT_RANGE_DAYS - 1) * DAY_MS),
    to: utcDay(Date.now()),
  }));
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  const analytics = useApiData(async () => {
    const read = <Group extends 'tenant' | 'tier' | 'status' | 'day'>(group_by: Group) =>
      platformApi.GET('/v1/admin/analytics/payments', { params: { query: { ...range, group_by } } });
    const [byTenant, byTier, byStatus, byDay] = await Promise.all([
      read('tenant'),
      read('tier'),
      read('status'),
      read('day'),
    ]);
    return {
      totals: byDay.totals,
      byTenant: byTenant.data as Schemas['TenantVolumeResponse'][],
      byTier: byTier.data as Schemas['TierVolumeResponse'][],
      byStatus: byStatus.data as Schemas['StatusVolumeResponse'][],
      byDay: byDay.data as Schemas['DayVolumeResponse'][],
    };
  }, [range.from, range.to]);

  const currencies = useMemo(() => currenciesByCount(analytics.data?.totals ?? []), [analytics.data]);
  const currency =
    chosenCurrency !== null && currencies.includes(chosenCurrency) ? chosenCurrency : currencies[0];
  const charts = useMemo(() => {
    const data = analytics.data;
    if (data === null || currency === undefined) return null;
    const days: string[] = [];
    for (
      let day = Date.parse(`${range.from}T00:00:00Z`);
      day <= Date.parse(`${range.to}T00:00:00Z`);
      day += DAY_MS
    )
      days.push(utcDay(day));
    const perDay = volumeBreakdown(data.byDay, currency, (row) => row.day, 'by-label');
    const dayVolume = new Map(perDay.labels.map((day, index) => [day, perDay.volumes[index] ?? 0]));
    return {
      days,
      dailyVolume: [
        {
          label: `Volume (${currency})`,
          values: days.map((day) => dayVolume.get(day) ?? 0),
          color: '#1f5fa8',
        },
      ],
      byTenant: volumeBreakdown(
        data.byTenant,
        currency,
        (row) => row.tenantName ?? row.tenantSlug ?? row.tenantId,
      ),
      byTier: volumeBreakdown(data.byTier, currency, (row) =>
        row.tier === null ? 'Unknown' : titleCase(row.tier),
      ),
      byStatus: volumeBreakdown(data.byStatus, currency, (row) => titleCase(row.status.replace(/_/g, ' '))),
    };
  }, [analytics.data, currency, range.from, range.to]);

  const money = (value: number) => (currency === undefined ? String(value) : formatMoney(value, currency));
  const choose = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setRange({ from: formValue(form, 'from'), to: formValue(form, 'to') });
  };

  return (
    <>
      <h1>Analytics</h1>
      <form class="inline-form" onSubmit={choose} aria-label="Range">
        <label>
          From
          <input name="from" type="date" defaultValue={range.from} required />
        </label>
        <label>
          To
          <input name="to" type="date" defaultValue={range.to} required />
        </label>
        <button type="submit">Show</button>
        {currencies.length > 1 && (
          <label>
            Currency
            <select value={currency} onChange={(event) => setChosenCurrency(event.currentTarget.value)}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
        )}
      </form>
      {analytics.error !== null && <ErrorState message={analytics.error} />}
      {analytics.data !== null && charts === null && (
        <p class="empty-state">No payments between these days.</p>
      )}
      {charts !== null && currency !== undefined && (
        <div id="analytics-charts">
          <DailyChart
            title={`Volume per day (${currency})`}
            summary={`Payment volume in ${currency} per day from ${range.from} to ${range.to}.`}
            days={charts.days}
            series={charts.dailyVolume}
            formatValue={money}
          />
          <CategoryBarChart
            title={`Volume per tenant (${currency})`}
            summary={`Payment volume in ${currency} per tenant, largest first: ${charts.byTenant.labels.slice(0, 5).join(', ')}.`}
            labels={charts.byTenant.labels}
            values={charts.byTenant.volumes}
            seriesLabel="Volume"
            formatValue={money}
          />
          <CategoryBarChart
            title={`Volume per tier (${currency})`}
            summary={`Payment volume in ${currency} per tier.`}
            labels={charts.byTier.labels}
            values={charts.byTier.volumes}
            seriesLabel="Volume"
            formatValue={money}
          />
          <CategoryBarChart
            title={`Volume per status (${currency})`}
            summary={`Payment volume in ${currency} per payment status.`}
            labels={charts.byStatus.labels}
            values={charts.byStatus.volumes}
            seriesLabel="Volume"
            formatValue={money}
          />
          <DataTable
            caption={`Tenants by volume (${currency})`}
            rows={charts.byTenant.labels.map((label, index) => ({
              label,
              volume: charts.byTenant.volumes[index] ?? 0,
              count: charts.byTenant.counts[index] ?? 0,
            }))}
            rowKey={(row) => row.label}
            emptyTitle="No tenant had payments in this currency."
            columns={[
              { header: 'Tenant', cell: (row) => row.label },
              { header: 'Payments', numeric: true, cell: (row) => formatNumber(row.count) },
              { header: 'Volume', numeric: true, cell: (row) => money(row.volume) },
            ]}
          />
        </div>
      )}
    </>
  );
}
