import { useState } from 'preact/hooks';
import type { operations } from '@tenantpay/sdk';
import { useApiData } from '../../../api/use-api-data';
import { currentCursor, FIRST_PAGE } from '../../../features/payments/cursor-pages';
import { formatDateTime } from '../../../format/format-date';
import { DataTable } from '../../../ui/data-table';
import { ErrorState } from '../../../ui/error-state';
import { formValue } from '../../../ui/form-value';
import { platformApi } from '../../api/platform-api';
import { CursorPager } from '../../ui/cursor-pager';
import { AuditFilterFields } from '../../../ui/audit-filter-fields';

type AuditQuery = NonNullable<operations['AdminAuditEventsController_search']['parameters']['query']>;
type AuditFilter = Omit<AuditQuery, 'limit' | 'starting_after'>;

const PAGE_SIZE = 25;

/** The start of a chosen day, or the start of the day after it (the whole last day), in UTC like the API. */
function dayBound(day: string, end: boolean): string | undefined {
  if (day === '') return undefined;
  const start = Date.parse(`${day}T00:00:00Z`);
  return new Date(end ? start + 86_400_000 : start).toISOString();
}

/** Every tenant's audit trail and the platform's own, searched by tenant, action, outcome, actor and days. */
export function PlatformAuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [pages, setPages] = useState(FIRST_PAGE);
  const startingAfter = currentCursor(pages);
  const events = useApiData(
    () =>
      platformApi.GET('/v1/admin/audit-events', {
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
  const search = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields: Record<string, string | undefined> = {
      tenant_id: formValue(form, 'tenant_id').trim(),
      action: formValue(form, 'action').trim(),
      outcome: formValue(form, 'outcome'),
      actor_id: formValue(form, 'actor_id').trim(),
      from: dayBound(formValue(form, 'from'), false),
      to: dayBound(formValue(form, 'to'), true),
    };
    setFilter(
      Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''),
      ) as AuditFilter,
    );
    setPages(FIRST_PAGE);
  };
  const rows = events.data?.data ?? [];

  return (
    <>
      <h1>Audit log</h1>
      <section class="card" aria-labelledby="audit-search-title">
        <h2 id="audit-search-title">Search</h2>
        <form class="inline-form" id="audit-search" onSubmit={search}>
          <label>
            Tenant id (or “platform”)
            <input name="tenant_id" pattern="[0-9a-f]{24}|platform" autocomplete="off" />
          </label>
          <AuditFilterFields actionExample="tenant.tier_changed" />
          <button type="submit">Search</button>
        </form>
      </section>
      {events.error !== null && <ErrorState message={events.error} />}
      <DataTable
        caption="Audit events, newest first"
        busy={events.data === null && events.error === null}
        rows={rows}
        rowKey={(event) => event.id}
        emptyTitle="No audit events match."
        columns={[
          { header: 'When', cell: (event) => formatDateTime(event.at) },
          { header: 'Tenant', cell: (event) => event.tenantId ?? 'Platform' },
          { header: 'Action', cell: (event) => <code>{event.action}</code> },
          { header: 'Outcome', cell: (event) => event.outcome },
          { header: 'Actor', cell: (event) => `${event.actor.type} ${event.actor.id ?? ''}` },
          {
            header: 'Resource',
            cell: (event) => (event.resource === null ? '' : `${event.resource.type} ${event.resource.id}`),
          },
        ]}
      />
      <CursorPager
        label="Audit pages"
        pages={pages}
        onChange={setPages}
        lastId={rows[rows.length - 1]?.id}
        hasMore={events.data?.has_more === true}
      />
    </>
  );
}
