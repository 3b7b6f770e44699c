import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { useApiData } from '../../../api/use-api-data';
import { formatDate, formatDateTime } from '../../../format/format-date';
import { titleCase } from '../../../layout/route-gate';
import { ErrorState } from '../../../ui/error-state';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';
import { type AdminTenant, type Tier, TIERS, tenantState } from './admin-tenant';
import { TenantLifecycleActions } from './tenant-lifecycle-actions';
import { TenantLimitsForm } from './tenant-limits-form';
import { TenantStateBadge } from './tenant-state-badge';
import { TenantDomains } from './tenant-domains';
import { TenantUsagePanel } from './tenant-usage-panel';

/** One tenant: what it is, its usage this period, its tier, limits, status and domains. */
export function TenantDetailPage({
  params,
}: {
  readonly params: Readonly<Record<string, string | undefined>>;
}) {
  const id = params['id'] ?? '';
  const loaded = useApiData(
    () => platformApi.GET('/v1/admin/tenants/{id}', { params: { path: { id } } }),
    [id],
  );
  // The latest answer of a change replaces the loaded tenant, so the screen never shows a stale state.
  const [tenant, setTenant] = useState<AdminTenant | null>(null);
  useEffect(() => setTenant(loaded.data), [loaded.data]);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => (next: AdminTenant) => {
    setTenant(next);
    setNotice(message);
  };

  if (loaded.error !== null)
    return (
      <>
        <h1>Tenant</h1>
        <ErrorState message={loaded.error} />
        <Link href="/">Back to the tenants</Link>
      </>
    );
  if (tenant === null) return <h1 aria-busy="true">Tenant</h1>;
  return (
    <>
      <p>
        <Link href="/">← Tenants</Link>
      </p>
      <h1>
        {tenant.name} <TenantStateBadge state={tenantState(tenant)} />
      </h1>
      {notice !== null && (
        <p class="notice" role="status" id="tenant-notice">
          {notice}
        </p>
      )}
      <dl class="facts card">
        <dt>Slug</dt>
        <dd>
          <code>{tenant.slug}</code>
        </dd>
        <dt>Tier</dt>
        <dd id="tenant-tier">{titleCase(tenant.tier)}</dd>
        <dt>Features</dt>
        <dd>{tenant.features.map((feature) => titleCase(feature.replace(/_/g, ' '))).join(', ')}</dd>
        <dt>Created</dt>
        <dd>{formatDate(tenant.createdAt)}</dd>
        {tenant.archivedAt !== null && (
          <>
            <dt>Archived</dt>
            <dd>{formatDateTime(tenant.archivedAt)}</dd>
          </>
        )}
      </dl>
      <TenantUsagePanel tenantId={tenant.id} changedAt={tenant.updatedAt} />
      <TierForm
        tenant={tenant}
        onChanged={(next) => changed(`Tier changed to ${titleCase(next.tier)}.`)(next)}
      />
      <TenantLifecycleActions
        tenant={tenant}
        onChanged={(next) => changed(`${next.name} is now ${tenantState(next)}.`)(next)}
      />
      <TenantLimitsForm tenant={tenant} onSaved={changed('Limits saved.')} />
      <TenantDomains tenant={tenant} onChanged={(next, message) => changed(message)(next)} />
    </>
  );
}

function TierForm(props: {
  readonly tenant: AdminTenant;
  readonly onChanged: (tenant: AdminTenant) => void;
}) {
  const action = useAction();
  const [tier, setTier] = useState<Tier>(props.tenant.tier);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    return action.run(async () => {
      props.onChanged(
        await platformApi.PUT('/v1/admin/tenants/{id}/tier', {
          params: { path: { id: props.tenant.id } },
          body: { tier },
        }),
      );
    });
  };
  return (
    <section class="card" aria-labelledby="tier-title">
      <h2 id="tier-title">Tier</h2>
      <form id="tier-form" class="inline-form" onSubmit={submit}>
        <label>
          Plan
          <select name="tier" value={tier} onChange={(event) => setTier(event.currentTarget.value as Tier)}>
            {TIERS.map((choice) => (
              <option key={choice} value={choice}>
                {titleCase(choice)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={action.busy || tier === props.tenant.tier}>
          Change tier
        </button>
      </form>
      {action.error !== null && <ErrorState message={action.error} />}
    </section>
  );
}
