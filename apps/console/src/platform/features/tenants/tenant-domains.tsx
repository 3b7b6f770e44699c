import { DomainList, type ListedDomain } from '../../../ui/domain-list';
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
  const path = (domain: ListedDomain) => ({ path: { id: tenant.id, hostname: domain.hostname } });
  return (
    <DomainList
      id="tenant-domains"
      formId="add-domain-form"
      domains={tenant.domains}
      placeholder="pay.bank.example"
      emptyTitle="No custom domain: the tenant is reached at its subdomain only."
      recordIntro="The bank publishes this DNS record:"
      add={async (hostname) => {
        const next = await platformApi.POST('/v1/admin/tenants/{id}/domains', {
          params: { path: { id: tenant.id } },
          body: { hostname },
        });
        props.onChanged(next, `${hostname} added: it serves the tenant once verified.`);
      }}
      checkDns={async (domain) => {
        const next = await platformApi.POST('/v1/admin/tenants/{id}/domains/{hostname}/check-dns', {
          params: path(domain),
        });
        props.onChanged(next, `${domain.hostname} is verified: its TXT record carries the token.`);
      }}
      markVerified={{
        question: (domain) =>
          `Mark ${domain.hostname} verified without the DNS check? It serves ${tenant.name} at once; the decision is audited.`,
        run: async (domain) => {
          const next = await platformApi.POST('/v1/admin/tenants/{id}/domains/{hostname}/verify', {
            params: path(domain),
          });
          props.onChanged(next, `${domain.hostname} marked verified.`);
        },
      }}
      remove={{
        question: (domain) => `Remove ${domain.hostname}? ${tenant.name}'s staff lose the console there.`,
        run: async (domain) => {
          const next = await platformApi.DELETE('/v1/admin/tenants/{id}/domains/{hostname}', {
            params: path(domain),
          });
          props.onChanged(next, `${domain.hostname} removed.`);
        },
      }}
    />
  );
}
