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
    void action.run(async () => {
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
        <LifecycleButton
          busy={action.busy}
          onPost={post}
          {...(tenant.isActive
            ? {
                id: 'suspend-tenant',
                label: 'Suspend',
                route: '/v1/admin/tenants/{id}/suspend',
                kind: 'danger',
              }
            : { id: 'activate-tenant', label: 'Activate', route: '/v1/admin/tenants/{id}/activate' })}
        />
        <LifecycleButton
          busy={action.busy}
          onPost={post}
          kind="secondary"
          {...(tenant.archivedAt === null
            ? { id: 'archive-tenant', label: 'Archive (read-only)', route: '/v1/admin/tenants/{id}/archive' }
            : { id: 'unarchive-tenant', label: 'Unarchive', route: '/v1/admin/tenants/{id}/unarchive' })}
        />
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

/** One lifecycle move of the tenant (the opposite move takes its place once it is done). */
function LifecycleButton(props: {
  readonly id: string;
  readonly label: string;
  readonly route: LifecycleRoute;
  readonly kind?: 'danger' | 'secondary';
  readonly busy: boolean;
  readonly onPost: (route: LifecycleRoute) => void;
}) {
  return (
    <button
      type="button"
      class={props.kind}
      id={props.id}
      disabled={props.busy}
      onClick={() => props.onPost(props.route)}
    >
      {props.label}
    </button>
  );
}
