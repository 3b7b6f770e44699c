import { useStaffUser } from '../../session/session-context';
import { PaymentCharts } from './payment-charts';
import { StatusCounts } from './status-counts';
import { UsagePanel } from './usage-panel';

/** The first screen after sign-in: how the month is going. Charts need the tier's analytics; else say so. */
export function DashboardPage() {
  const user = useStaffUser();
  return (
    <>
      <h1>Dashboard</h1>
      <UsagePanel />
      {user.features.includes('ANALYTICS') ? (
        <PaymentCharts />
      ) : (
        <section class="card notice" aria-labelledby="charts-outside-tier" id="charts-outside-tier-notice">
          <h2 id="charts-outside-tier">Payment charts</h2>
          <p>Charts of payment volume and counts by day are part of the Professional and Enterprise plans.</p>
        </section>
      )}
      <StatusCounts />
    </>
  );
}
