import { UsagePanel } from './usage-panel';

/** The first screen after sign-in: how the month is going. */
export function DashboardPage() {
  return (
    <>
      <h1>Dashboard</h1>
      <UsagePanel />
    </>
  );
}
