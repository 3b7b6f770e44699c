import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../format/format-date';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { AuditFilterFields } from '../../ui/audit-filter-fields';

/** One audit event as the search answers it (AuditEvent in @tenantpay/audit). */
interface AuditEvent {
  readonly id: string;
  readonly actor: { readonly type: string; readonly id: string | null };
  readonly action: string;
  readonly resource: { readonly type: string; readonly id: string } | null;
  readonly outcome: 'success' | 'failure' | 'denied';
  readonly ip: string | null;
  readonly at: string;
}

interface AuditFilter {
  readonly action?: string;
  readonly outcome?: 'success' | 'failure' | 'denied';
  readonly actor_id?: string;
  readonly from?: string;
  readonly to?: string;
}

const PAGE_SIZE = 25;

/** Who did what, when: the tenant's audit trail, filtered, newest first, page by page into the past. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  /** The cursors of the pages before this one, to page back; the last is this page's. */
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const startingAfter = cursors[cursors.length - 1];
  const events = useApiData(
    () =>
      consoleApi.GET('/v1/audit-events', {
        params: {
          query: {
            limit: PAGE_SIZE,
            ...filter,
            ...(startingAfter === undefined ? {} : { starting_after: startingAfter }),
          } as never,
        },
      }) as Promise<ListPage<AuditEvent>>,
    [filter, startingAfter],
  );

  const search = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const day = (name: string) =>
      formValue(form, name) === '' ? undefined : `${formValue(form, name)}T00:00:00`;
    const from = day('from');
    const to = day('to');
    setFilter(
      Object.fromEntries(
        Object.entries({
          action: formValue(form, 'action'),
          outcome: formValue(form, 'outcome'),
          actor_id: formValue(form, 'actor_id'),
          from: from === undefined ? '' : new Date(from).toISOString(),
          // The whole of the last chosen day.
          to: to === undefined ? '' : new Date(new Date(to).getTime() + 86_400_000).toISOString(),
        }).filter(([, value]) => value !== ''),
      ),
    );
    setCursors([]);
  };
  const rows = events.data?.data ?? [];
  const last = rows[rows.length - 1];

  return (
    <>
      <h1>Audit log</h1>
      <section class="card" aria-labelledby="audit-filter-title">
        <h2 id="audit-filter-title">Search</h2>
        <form class="inline-form" onSubmit={search}>
          <AuditFilterFields actionExample="api_key.created" />
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
          { header: 'Action', cell: (event) => <code>{event.action}</code> },
          { header: 'Outcome', cell: (event) => event.outcome },
          { header: 'Actor', cell: (event) => `${event.actor.type} ${event.actor.id ?? ''}` },
          {
            header: 'Resource',
            cell: (event) => (event.resource === null ? '' : `${event.resource.type} ${event.resource.id}`),
          },
          { header: 'IP', cell: (event) => event.ip ?? '' },
        ]}
      />
      <nav class="pager" aria-label="Audit pages">
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          disabled={events.data?.has_more !== true || last === undefined}
          onClick={() => last !== undefined && setCursors([...cursors, last.id])}
        >
          Older
        </button>
      </nav>
    </>
  );
}
