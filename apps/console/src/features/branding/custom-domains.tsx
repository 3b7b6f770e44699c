import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { DomainList, type ListedDomain } from '../../ui/domain-list';
import { ErrorState } from '../../ui/error-state';
import { useAction } from '../../ui/use-action';

/** The tenant's own hostnames, with the DNS record each must publish and a check of it. */
export function CustomDomains() {
  const domains = useApiData(() => consoleApi.GET('/v1/domains') as Promise<ListPage<ListedDomain>>);
  const action = useAction();
  const add = (hostname: string, form: HTMLFormElement) =>
    void action.run(async () => {
      await consoleApi.POST('/v1/domains', { body: { hostname } });
      form.reset();
      domains.reload();
    });
  const checkDns = (domain: ListedDomain) =>
    void action.run(async () => {
      await consoleApi.POST('/v1/domains/{hostname}/verify', {
        params: { path: { hostname: domain.hostname } },
      });
      domains.reload();
    });
  const remove = (domain: ListedDomain) => {
    if (!window.confirm(`Remove ${domain.hostname}? Staff using it lose the console there.`)) return;
    void action.run(async () => {
      await consoleApi.DELETE('/v1/domains/{hostname}', { params: { path: { hostname: domain.hostname } } });
      domains.reload();
    });
  };
  return (
    <DomainList
      domains={domains.data?.data ?? (domains.error === null ? null : [])}
      busy={action.busy}
      placeholder="pay.yourbank.example"
      emptyTitle="No custom domains yet."
      recordIntro="Publish this DNS record, then check it:"
      onAdd={add}
      onCheckDns={checkDns}
      onRemove={remove}
    >
      {action.error !== null && <ErrorState message={action.error} />}
      {domains.error !== null && <ErrorState message={domains.error} />}
    </DomainList>
  );
}
