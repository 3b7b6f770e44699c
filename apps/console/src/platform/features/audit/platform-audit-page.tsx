import { useState } from 'preact/hooks';
import type { operations } from '@tenantpay/sdk';
import { AuditEventsTable } from '../../../ui/audit-events-table';
import { AuditFilterFields } from '../../../ui/audit-filter-fields';
import { formValue } from '../../../ui/form-value';
import { platformApi } from '../../api/platform-api';

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
  };

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
      <AuditEventsTable
        key={JSON.stringify(filter)}
        withTenant
        load={(startingAfter) =>
          platformApi.GET('/v1/admin/audit-events', {
            params: {
              query: {
                ...filter,
                limit: PAGE_SIZE,
                ...(startingAfter === undefined ? {} : { starting_after: startingAfter }),
              },
            },
          })
        }
      />
    </>
  );
}
