import type { TenantState } from './admin-tenant';

const WORDS: Readonly<Record<TenantState, string>> = {
  active: 'Active',
  suspended: 'Suspended',
  archived: 'Archived',
  offboarded: 'Offboarded',
};

export function TenantStateBadge({ state }: { readonly state: TenantState }) {
  return <span class={`status-badge ${state}`}>{WORDS[state]}</span>;
}
