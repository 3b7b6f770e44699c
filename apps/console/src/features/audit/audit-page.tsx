import type { paths } from '@tenantpay/sdk';
import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import { AuditEventsTable } from '../../ui/audit-events-table';
import { AuditFilterFields } from '../../ui/audit-filter-fields';
import { auditFilterFromForm } from '../../ui/audit-filter';

type AuditQuery = NonNullable<paths['/v1/audit-events']['get']['parameters']['query']>;
/** What staff typed, unchecked: the API answers a 400 naming an unknown action. */
type AuditFilter = Omit<AuditQuery, 'limit' | 'starting_after'>;

const PAGE_SIZE = 25;

/** Who did what, when: the tenant's audit trail, filtered, newest first, page by page into the past. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});

  const search = (event: SubmitEvent) => {
    event.preventDefault();
    setFilter(auditFilterFromForm(event.currentTarget as HTMLFormElement) as AuditFilter);
  };

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
      <AuditEventsTable
        key={JSON.stringify(filter)}
        load={(startingAfter) =>
          consoleApi.GET('/v1/audit-events', {
            params: {
              query: {
                limit: PAGE_SIZE,
                ...filter,
                starting_after: startingAfter,
              },
            },
          })
        }
      />
    </>
  );
}
