import { useState } from 'preact/hooks';
import { useLocation } from 'wouter-preact';
import { formatDate } from '../../../format/format-date';
import { titleCase } from '../../../layout/route-gate';
import { formValue } from '../../../ui/form-value';
import { platformApi } from '../../api/platform-api';
import { PagedTable } from '../../../ui/paged-table';
import { type AdminTenant, type Tier, TIERS, tenantState } from './admin-tenant';
import { formatLimit } from '../../../format/format-limit';
import { CreateTenantForm } from './create-tenant-form';
import { TenantStateBadge } from './tenant-state-badge';

const PAGE_SIZE = 25;

interface TenantFilter {
  readonly tier?: Tier;
  readonly status?: 'active' | 'suspended';
  readonly search?: string;
}

/**
 * Every tenant, newest first, searched by slug or name and filtered by tier and status, page by page; a new
 * tenant with its first admin's invitation.
 */
export function TenantsPage() {
  const [, navigate] = useLocation();
  const [filter, setFilter] = useState<TenantFilter>({});
  const [created, setCreated] = useState<string | null>(null);
  const choose = (change: TenantFilter) => setFilter({ ...filter, ...change });

  return (
    <>
      <h1>Tenants</h1>
      <CreateTenantForm
        onCreated={(tenant, email) => {
          setCreated(`${tenant.name} was created; the invitation is on its way to ${email}.`);
          navigate(`/tenants/${tenant.id}`);
        }}
      />
      {created !== null && (
        <p class="notice" role="status" id="tenant-created">
          {created}
        </p>
      )}
      <form
        class="inline-form"
        id="tenant-search"
        role="search"
        aria-label="Search tenants"
        onSubmit={(event) => {
          event.preventDefault();
          const search = formValue(event.currentTarget, 'search').trim();
          choose({ search: search === '' ? undefined : search });
        }}
      >
        <label>
          Slug or name
          <input name="search" type="search" maxLength={100} autocomplete="off" />
        </label>
        <button type="submit">Search</button>
      </form>
      <div class="inline-form" role="group" aria-label="Filter tenants">
        <label>
          Tier
          <select
            id="tier-filter"
            value={filter.tier ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              choose({ tier: value === '' ? undefined : (value as Tier) });
            }}
          >
            <option value="">Every tier</option>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {titleCase(tier)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select
            id="status-filter"
            value={filter.status ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              choose({ status: value === '' ? undefined : (value as 'active' | 'suspended') });
            }}
          >
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
          </select>
        </label>
      </div>
      <PagedTable<AdminTenant>
        key={JSON.stringify(filter)}
        caption="Tenants, newest first"
        pagerLabel="Tenant pages"
        load={(startingAfter) =>
          platformApi.GET('/v1/admin/tenants', {
            params: {
              query: {
                ...filter,
                limit: PAGE_SIZE,
                starting_after: startingAfter,
              },
            },
          })
        }
        rowId={(tenant) => tenant.id}
        onOpen={(tenant) => navigate(`/tenants/${tenant.id}`)}
        emptyTitle="No tenant matches these filters."
        columns={[
          { header: 'Name', cell: (tenant) => tenant.name },
          { header: 'Slug', cell: (tenant) => <code>{tenant.slug}</code> },
          { header: 'Tier', cell: (tenant) => titleCase(tenant.tier) },
          { header: 'Status', cell: (tenant) => <TenantStateBadge state={tenantState(tenant)} /> },
          {
            header: 'Transactions / month',
            numeric: true,
            cell: (tenant) => formatLimit(tenant.limits.transactionsPerMonth),
          },
          { header: 'Created', cell: (tenant) => formatDate(tenant.createdAt) },
        ]}
      />
    </>
  );
}
