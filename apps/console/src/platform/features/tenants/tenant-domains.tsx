import { formatDateTime } from '../../../format/format-date';
import { ErrorState } from '../../../ui/error-state';
import { EmptyState } from '../../../ui/empty-state';
import { formValue } from '../../../ui/form-value';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';
import type { AdminTenant } from './admin-tenant';

type TenantDomain = AdminTenant['domains'][number];

/**
 * A tenant's custom domains managed by an operator (a bank that asks support to set one up): add one, read the
 * TXT record the bank must publish, run the DNS check for it, or decide by hand once the record was checked some
 * other way, and remove one. Every change answers the whole tenant, which replaces the screen's.
 */
export function TenantDomains(props: {
  readonly tenant: AdminTenant;
  readonly onChanged: (tenant: AdminTenant, notice: string) => void;
}) {
  const { tenant } = props;
  const action = useAction();
  const path = (domain: TenantDomain) => ({ path: { id: tenant.id, hostname: domain.hostname } });

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const hostname = formValue(form, 'hostname');
    return action.run(async () => {
      const next = await platformApi.POST('/v1/admin/tenants/{id}/domains', {
        params: { path: { id: tenant.id } },
        body: { hostname },
      });
      form.reset();
      props.onChanged(next, `${hostname} added: it serves the tenant once verified.`);
    });
  };
  const checkDns = (domain: TenantDomain) =>
    action.run(async () => {
      const next = await platformApi.POST('/v1/admin/tenants/{id}/domains/{hostname}/check-dns', {
        params: path(domain),
      });
      props.onChanged(next, `${domain.hostname} is verified: its TXT record carries the token.`);
    });
  const markVerified = (domain: TenantDomain) => {
    if (
      !window.confirm(
        `Mark ${domain.hostname} verified without the DNS check? It serves ${tenant.name} at once; the decision is audited.`,
      )
    )
      return;
    void action.run(async () => {
      const next = await platformApi.POST('/v1/admin/tenants/{id}/domains/{hostname}/verify', {
        params: path(domain),
      });
      props.onChanged(next, `${domain.hostname} marked verified.`);
    });
  };
  const remove = (domain: TenantDomain) => {
    if (!window.confirm(`Remove ${domain.hostname}? ${tenant.name}'s staff lose the console there.`)) return;
    void action.run(async () => {
      const next = await platformApi.DELETE('/v1/admin/tenants/{id}/domains/{hostname}', {
        params: path(domain),
      });
      props.onChanged(next, `${domain.hostname} removed.`);
    });
  };

  return (
    <section class="card" aria-labelledby="domains-title" id="tenant-domains">
      <h2 id="domains-title">Custom domains</h2>
      <form class="inline-form" id="add-domain-form" onSubmit={add}>
        <label>
          Hostname
          <input name="hostname" required maxLength={253} placeholder="pay.bank.example" />
        </label>
        <button type="submit" disabled={action.busy}>
          Add domain
        </button>
      </form>
      {action.error !== null && <ErrorState message={action.error} />}
      {tenant.domains.length === 0 && (
        <EmptyState title="No custom domain: the tenant is reached at its subdomain only." />
      )}
      <ul class="domain-list">
        {tenant.domains.map((domain) => (
          <li key={domain.hostname} data-hostname={domain.hostname}>
            <p>
              <strong>{domain.hostname}</strong> —{' '}
              {domain.status === 'VERIFIED' && domain.verifiedAt !== null
                ? `verified ${formatDateTime(domain.verifiedAt)}`
                : `waiting for verification since ${formatDateTime(domain.createdAt)}`}
            </p>
            {domain.status !== 'VERIFIED' && (
              <p>
                The bank publishes this DNS record: <code>{domain.verificationRecord.type}</code>{' '}
                <code>{domain.verificationRecord.name}</code> ={' '}
                <code class="secret-value">{domain.verificationRecord.value}</code>
              </p>
            )}
            <span class="row-actions">
              {domain.status !== 'VERIFIED' && (
                <>
                  <button type="button" disabled={action.busy} onClick={() => void checkDns(domain)}>
                    Check DNS <span class="visually-hidden">{domain.hostname}</span>
                  </button>
                  <button type="button" disabled={action.busy} onClick={() => markVerified(domain)}>
                    Mark verified <span class="visually-hidden">{domain.hostname}</span>
                  </button>
                </>
              )}
              <button type="button" class="danger" disabled={action.busy} onClick={() => remove(domain)}>
                Remove <span class="visually-hidden">{domain.hostname}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
