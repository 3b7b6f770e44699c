import { useState } from 'preact/hooks';
import { useLocation } from 'wouter-preact';
import { useApiData } from '../../../api/use-api-data';
import { currentCursor, FIRST_PAGE } from '../../../features/payments/cursor-pages';
import { formatDate } from '../../../format/format-date';
import { titleCase } from '../../../layout/route-gate';
import { DataTable } from '../../../ui/data-table';
import { ErrorState } from '../../../ui/error-state';
import { formValue } from '../../../ui/form-value';
import { platformApi } from '../../api/platform-api';
import { CursorPager } from '../../../ui/cursor-pager';
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
  const [pages, setPages] = useState(FIRST_PAGE);
  const [created, setCreated] = useState<string | null>(null);
  const startingAfter = currentCursor(pages);
  const tenants = useApiData(
    () =>
      platformApi.GET('/v1/admin/tenants', {
        params: {
          query: {
            ...filter,
            limit: PAGE_SIZE,
            ...(startingAfter === undefined ? {} : { starting_after: startingAfter }),
          },
        },
      }),
    [filter, startingAfter],
  );
  const choose = (change: TenantFilter) => {
    setFilter({ ...filter, ...change });
    setPages(FIRST_PAGE);
  };
  const rows = tenants.data?.data ?? [];

  return (
    <>
      <h1>Tenants</h1>
      <CreateTenantForm
        onCreated={(tenant, email) => {
          setCreated(`${tenant.name} was created; the invitation is on its way to ${email}.`);
          tenants.reload();
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
      {tenants.error !== null && <ErrorState message={tenants.error} />}
      <DataTable<AdminTenant>
        caption="Tenants, newest first"
        busy={tenants.data === null && tenants.error === null}
        rows={rows}
        rowKey={(tenant) => tenant.id}
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
      <CursorPager
        label="Tenant pages"
        pages={pages}
        onChange={setPages}
        lastId={rows[rows.length - 1]?.id}
        hasMore={tenants.data?.has_more === true}
      />
    </>
  );
}
