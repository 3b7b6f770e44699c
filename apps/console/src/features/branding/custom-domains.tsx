import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../format/format-date';
import { ErrorState } from '../../ui/error-state';
import { EmptyState } from '../../ui/empty-state';
import { formValue } from '../../ui/form-value';
import { useAction } from '../../ui/use-action';

/** A custom domain (TenantDomainView): pending until its TXT record is found, then it serves the console. */
interface CustomDomain {
  readonly hostname: string;
  readonly status: 'PENDING' | 'VERIFIED';
  readonly verificationRecord: { readonly type: 'TXT'; readonly name: string; readonly value: string };
  readonly verifiedAt: string | null;
}

/** The tenant's own hostnames, with the DNS record each must publish and a check of it. */
export function CustomDomains() {
  const domains = useApiData(() => consoleApi.GET('/v1/domains') as Promise<ListPage<CustomDomain>>);
  const action = useAction();
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void action.run(async () => {
      await consoleApi.POST('/v1/domains', { body: { hostname: formValue(form, 'hostname') } });
      form.reset();
      domains.reload();
    });
  };
  const verify = (domain: CustomDomain) =>
    void action.run(async () => {
      await consoleApi.POST('/v1/domains/{hostname}/verify', {
        params: { path: { hostname: domain.hostname } },
      });
      domains.reload();
    });
  const remove = (domain: CustomDomain) => {
    if (!window.confirm(`Remove ${domain.hostname}? Staff using it lose the console there.`)) return;
    void action.run(async () => {
      await consoleApi.DELETE('/v1/domains/{hostname}', { params: { path: { hostname: domain.hostname } } });
      domains.reload();
    });
  };
  const list = domains.data?.data ?? [];
  return (
    <section class="card" aria-labelledby="domains-title">
      <h2 id="domains-title">Custom domains</h2>
      <form class="inline-form" onSubmit={add}>
        <label>
          Hostname
          <input name="hostname" required maxLength={253} placeholder="pay.yourbank.example" />
        </label>
        <button type="submit" disabled={action.busy}>
          Add domain
        </button>
      </form>
      {action.error !== null && <ErrorState message={action.error} />}
      {domains.error !== null && <ErrorState message={domains.error} />}
      {domains.data !== null && list.length === 0 && <EmptyState title="No custom domains yet." />}
      <ul class="domain-list">
        {list.map((domain) => (
          <li key={domain.hostname}>
            <p>
              <strong>{domain.hostname}</strong> —{' '}
              {domain.status === 'VERIFIED' && domain.verifiedAt !== null
                ? `verified ${formatDateTime(domain.verifiedAt)}`
                : 'waiting for verification'}
            </p>
            {domain.status !== 'VERIFIED' && (
              <p>
                Publish this DNS record, then check it: <code>{domain.verificationRecord.type}</code>{' '}
                <code>{domain.verificationRecord.name}</code> = <code>{domain.verificationRecord.value}</code>
              </p>
            )}
            <span class="row-actions">
              {domain.status !== 'VERIFIED' && (
                <button type="button" disabled={action.busy} onClick={() => verify(domain)}>
                  Check DNS <span class="visually-hidden">{domain.hostname}</span>
                </button>
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
