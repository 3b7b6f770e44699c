import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { DomainList, type ListedDomain } from '../../ui/domain-list';
import { ErrorState } from '../../ui/error-state';

/** The tenant's own hostnames, with the DNS record each must publish and a check of it. */
export function CustomDomains() {
  const domains = useApiData(() => consoleApi.GET('/v1/domains') as Promise<ListPage<ListedDomain>>);
  const path = (domain: ListedDomain) => ({ path: { hostname: domain.hostname } });
  return (
    <DomainList
      domains={domains.data?.data ?? (domains.error === null ? null : [])}
      placeholder="pay.yourbank.example"
      emptyTitle="No custom domains yet."
      recordIntro="Publish this DNS record, then check it:"
      add={async (hostname) => {
        await consoleApi.POST('/v1/domains', { body: { hostname } });
        domains.reload();
      }}
      checkDns={async (domain) => {
        await consoleApi.POST('/v1/domains/{hostname}/verify', { params: path(domain) });
        domains.reload();
      }}
      remove={{
        question: (domain) => `Remove ${domain.hostname}? Staff using it lose the console there.`,
        run: async (domain) => {
          await consoleApi.DELETE('/v1/domains/{hostname}', { params: path(domain) });
          domains.reload();
        },
      }}
    >
      {domains.error !== null && <ErrorState message={domains.error} />}
    </DomainList>
  );
}
