import { useState } from 'preact/hooks';
import { ErrorState } from '../../../ui/error-state';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';
import { type AdminTenant, tenantState } from './admin-tenant';

type LifecycleRoute =
  | '/v1/admin/tenants/{id}/suspend'
  | '/v1/admin/tenants/{id}/activate'
  | '/v1/admin/tenants/{id}/archive'
  | '/v1/admin/tenants/{id}/unarchive';

/**
 * Suspend / activate (every route of the tenant answers 403 at once while suspended), archive / unarchive
 * (read-only), and offboarding (export, then deletion after the retention period), the last guarded by typing
 * the tenant's slug: it cannot be undone.
 */
export function TenantLifecycleActions(props: {
  readonly tenant: AdminTenant;
  readonly onChanged: (tenant: AdminTenant) => void;
}) {
  const { tenant } = props;
  const action = useAction();
  const [confirmation, setConfirmation] = useState('');
  const [offboarding, setOffboarding] = useState<string | null>(null);
  const state = tenantState(tenant);
  const post = (route: LifecycleRoute) =>
    action.run(async () => {
      props.onChanged(await platformApi.POST(route, { params: { path: { id: tenant.id } } }));
    });
  const startOffboarding = (event: SubmitEvent) => {
    event.preventDefault();
    return action.run(async () => {
      const started = await platformApi.POST('/v1/admin/tenants/{id}/offboarding', {
        params: { path: { id: tenant.id } },
      });
      setOffboarding(`Offboarding started: ${started.status.replace(/_/g, ' ')}.`);
    });
  };
  if (state === 'offboarded') return <p class="notice">This tenant was offboarded; its data is deleted.</p>;
  return (
    <section class="card" aria-labelledby="lifecycle-title" id="tenant-lifecycle">
      <h2 id="lifecycle-title">Status</h2>
      <div class="row-actions">
        {tenant.isActive ? (
          <button
            type="button"
            class="danger"
            id="suspend-tenant"
            disabled={action.busy}
            onClick={() => post('/v1/admin/tenants/{id}/suspend')}
          >
            Suspend
          </button>
        ) : (
          <button
            type="button"
            id="activate-tenant"
            disabled={action.busy}
            onClick={() => post('/v1/admin/tenants/{id}/activate')}
          >
            Activate
          </button>
        )}
        {tenant.archivedAt === null ? (
          <button
            type="button"
            class="secondary"
            id="archive-tenant"
            disabled={action.busy}
            onClick={() => post('/v1/admin/tenants/{id}/archive')}
          >
            Archive (read-only)
          </button>
        ) : (
          <button
            type="button"
            class="secondary"
            id="unarchive-tenant"
            disabled={action.busy}
            onClick={() => post('/v1/admin/tenants/{id}/unarchive')}
          >
            Unarchive
          </button>
        )}
      </div>
      {tenant.archivedAt !== null && (
        <form class="inline-form" id="offboarding-form" onSubmit={startOffboarding}>
          <label>
            Type <code>{tenant.slug}</code> to offboard: export its data, then delete it after the retention
            period
            <input
              value={confirmation}
              onInput={(event) => setConfirmation(event.currentTarget.value)}
              autocomplete="off"
            />
          </label>
          <button type="submit" class="danger" disabled={action.busy || confirmation !== tenant.slug}>
            Start offboarding
          </button>
        </form>
      )}
      {offboarding !== null && (
        <p role="status" id="offboarding-status">
          {offboarding}
        </p>
      )}
      {action.error !== null && <ErrorState id="lifecycle-error" message={action.error} />}
    </section>
  );
}
