import type { paths } from '@tenantpay/sdk';
import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import { AuditEventsTable } from '../../ui/audit-events-table';
import { AuditFilterFields } from '../../ui/audit-filter-fields';
import { formValue } from '../../ui/form-value';

type AuditQuery = NonNullable<paths['/v1/audit-events']['get']['parameters']['query']>;
/** What staff typed, unchecked: the API answers a 400 naming an unknown action. */
type AuditFilter = Omit<AuditQuery, 'limit' | 'starting_after'>;

const PAGE_SIZE = 25;

/** Who did what, when: the tenant's audit trail, filtered, newest first, page by page into the past. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});

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
      ) as AuditFilter,
    );
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
                ...(startingAfter === undefined ? {} : { starting_after: startingAfter }),
              },
            },
          })
        }
      />
    </>
  );
}
