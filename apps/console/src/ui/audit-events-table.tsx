import type { components } from '@tenantpay/sdk';
import type { ListPage } from '../api/list-page';
import { formatDateTime } from '../format/format-date';
import type { DataTableColumn } from './data-table';
import { PagedTable } from './paged-table';

type AuditEvent = components['schemas']['AuditEventResponse'];

const WHEN: DataTableColumn<AuditEvent> = { header: 'When', cell: (event) => formatDateTime(event.at) };
const TENANT: DataTableColumn<AuditEvent> = {
  header: 'Tenant',
  cell: (event) => event.tenantId ?? 'Platform',
};
const DETAILS: readonly DataTableColumn<AuditEvent>[] = [
  { header: 'Action', cell: (event) => <code>{event.action}</code> },
  { header: 'Outcome', cell: (event) => event.outcome },
  { header: 'Actor', cell: (event) => `${event.actor.type} ${event.actor.id ?? ''}` },
  {
    header: 'Resource',
    cell: (event) => (event.resource === null ? '' : `${event.resource.type} ${event.resource.id}`),
  },
  { header: 'IP', cell: (event) => event.ip ?? '' },
];

/**
 * Both consoles' audit search results, newest first, page by page into the past; the platform's spans tenants
 * and says whose each event is. Give it a new `key` when the search changes.
 */
export function AuditEventsTable(props: {
  readonly load: (startingAfter: string | undefined) => Promise<ListPage<AuditEvent>>;
  readonly withTenant?: boolean;
}) {
  return (
    <PagedTable
      caption="Audit events, newest first"
      pagerLabel="Audit pages"
      emptyTitle="No audit events match."
      columns={props.withTenant === true ? [WHEN, TENANT, ...DETAILS] : [WHEN, ...DETAILS]}
      load={props.load}
      rowId={(event) => event.id}
    />
  );
}
