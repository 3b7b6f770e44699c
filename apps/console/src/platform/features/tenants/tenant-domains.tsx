import { DomainList, type ListedDomain } from '../../../ui/domain-list';
import { ErrorState } from '../../../ui/error-state';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';
import type { AdminTenant } from './admin-tenant';

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
  const path = (domain: ListedDomain) => ({ path: { id: tenant.id, hostname: domain.hostname } });

  const add = (hostname: string, form: HTMLFormElement) =>
    void action.run(async () => {
      const next = await platformApi.POST('/v1/admin/tenants/{id}/domains', {
        params: { path: { id: tenant.id } },
        body: { hostname },
      });
      form.reset();
      props.onChanged(next, `${hostname} added: it serves the tenant once verified.`);
    });
  const checkDns = (domain: ListedDomain) =>
    void action.run(async () => {
      const next = await platformApi.POST('/v1/admin/tenants/{id}/domains/{hostname}/check-dns', {
        params: path(domain),
      });
      props.onChanged(next, `${domain.hostname} is verified: its TXT record carries the token.`);
    });
  const markVerified = (domain: ListedDomain) => {
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
  const remove = (domain: ListedDomain) => {
    if (!window.confirm(`Remove ${domain.hostname}? ${tenant.name}'s staff lose the console there.`)) return;
    void action.run(async () => {
      const next = await platformApi.DELETE('/v1/admin/tenants/{id}/domains/{hostname}', {
        params: path(domain),
      });
      props.onChanged(next, `${domain.hostname} removed.`);
    });
  };

  return (
    <DomainList
      id="tenant-domains"
      formId="add-domain-form"
      domains={tenant.domains}
      busy={action.busy}
      placeholder="pay.bank.example"
      emptyTitle="No custom domain: the tenant is reached at its subdomain only."
      recordIntro="The bank publishes this DNS record:"
      onAdd={add}
      onCheckDns={checkDns}
      onMarkVerified={markVerified}
      onRemove={remove}
    >
      {action.error !== null && <ErrorState message={action.error} />}
    </DomainList>
  );
}
