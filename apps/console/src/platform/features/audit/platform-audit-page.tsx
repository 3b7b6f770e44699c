import { useState } from 'preact/hooks';
import type { operations } from '@tenantpay/sdk';
import { AuditEventsTable } from '../../../ui/audit-events-table';
import { AuditFilterFields } from '../../../ui/audit-filter-fields';
import { auditFilterFromForm } from '../../../ui/audit-filter';
import { platformApi } from '../../api/platform-api';

type AuditQuery = NonNullable<operations['AdminAuditEventsController_search']['parameters']['query']>;
type AuditFilter = Omit<AuditQuery, 'limit' | 'starting_after'>;

const PAGE_SIZE = 25;

/** Every tenant's audit trail and the platform's own, searched by tenant, action, outcome, actor and days. */
export function PlatformAuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const search = (event: SubmitEvent) => {
    event.preventDefault();
    setFilter(auditFilterFromForm(event.currentTarget as HTMLFormElement, ['tenant_id']) as AuditFilter);
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
                starting_after: startingAfter,
              },
            },
          })
        }
      />
    </>
  );
}
