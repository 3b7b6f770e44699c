import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { formatDate, formatDateTime } from '../../format/format-date';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { SecretOnce } from '../../ui/secret-once';
import { useAction } from '../../ui/use-action';
import { API_KEY_SCOPES, type ApiKey, type CreatedApiKey } from './api-key';

/** The tenant's API keys: create with scopes and an expiry, see the secret once, rotate and revoke. */
export function ApiKeysPage() {
  const keys = useApiData(
    () => consoleApi.GET('/v1/api-keys', { params: { query: { limit: 100 } } }) as Promise<ListPage<ApiKey>>,
  );
  const [secret, setSecret] = useState<CreatedApiKey | null>(null);
  const action = useAction();

  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const scopes = new FormData(form).getAll('scopes').filter((scope) => typeof scope === 'string');
    const expiry = formValue(form, 'expiresAt');
    void action.run(async () => {
      const created = (await consoleApi.POST('/v1/api-keys', {
        body: {
          name: formValue(form, 'name'),
          scopes: scopes as never,
          // The end of the chosen day, in the staff member's time zone.
          ...(expiry === '' ? {} : { expiresAt: new Date(`${expiry}T23:59:59`).toISOString() }),
        },
      })) as CreatedApiKey;
      form.reset();
      setSecret(created);
      keys.reload();
    });
  };
  const rotate = (key: ApiKey) =>
    void action.run(async () => {
      const rotated = (await consoleApi.POST('/v1/api-keys/{id}/rotate', {
        params: { path: { id: key.id } },
        body: {},
      })) as CreatedApiKey;
      setSecret(rotated);
      keys.reload();
    });
  const revoke = (key: ApiKey) => {
    if (!window.confirm(`Revoke “${key.name}”? Integrations using it stop working at once.`)) return;
    void action.run(async () => {
      await consoleApi.POST('/v1/api-keys/{id}/revoke', { params: { path: { id: key.id } } });
      keys.reload();
    });
  };

  return (
    <>
      <h1>API keys</h1>
      {secret !== null && (
        <SecretOnce label={`Secret of “${secret.name}”`} secret={secret.key} onDone={() => setSecret(null)} />
      )}
      <section class="card" aria-labelledby="new-key-title">
        <h2 id="new-key-title">New key</h2>
        <form class="stacked-form" onSubmit={create}>
          <label>
            Name
            <input name="name" required maxLength={100} />
          </label>
          <fieldset>
            <legend>Scopes</legend>
            {API_KEY_SCOPES.map((entry) => (
              <label key={entry.scope} class="checkbox">
                <input
                  type="checkbox"
                  name="scopes"
                  value={entry.scope}
                  defaultChecked={entry.scope === 'payments:read'}
                />
                {entry.label} <code>{entry.scope}</code>
              </label>
            ))}
          </fieldset>
          <label>
            Expires on (optional)
            <input name="expiresAt" type="date" />
          </label>
          <button type="submit" disabled={action.busy}>
            Create key
          </button>
        </form>
        {action.error !== null && <ErrorState message={action.error} />}
      </section>
      {keys.error !== null && <ErrorState message={keys.error} />}
      <DataTable
        caption="API keys"
        busy={keys.data === null && keys.error === null}
        rows={keys.data?.data ?? []}
        rowKey={(key) => key.id}
        emptyTitle="No API keys yet. Create one for each integration."
        columns={[
          { header: 'Name', cell: (key) => key.name },
          { header: 'Key', cell: (key) => <code>{key.prefix}…</code> },
          { header: 'Scopes', cell: (key) => key.scopes.join(', ') },
          { header: 'Status', cell: (key) => key.status },
          {
            header: 'Expires',
            cell: (key) => (key.expiresAt === null ? 'Never' : formatDate(key.expiresAt)),
          },
          {
            header: 'Last used',
            cell: (key) => (key.lastUsedAt === null ? 'Never' : formatDateTime(key.lastUsedAt)),
          },
          {
            header: 'Actions',
            cell: (key) =>
              key.status === 'revoked' || key.status === 'expired' ? null : (
                <span class="row-actions">
                  <button type="button" disabled={action.busy} onClick={() => rotate(key)}>
                    Rotate <span class="visually-hidden">{key.name}</span>
                  </button>
                  <button type="button" class="danger" disabled={action.busy} onClick={() => revoke(key)}>
                    Revoke <span class="visually-hidden">{key.name}</span>
                  </button>
                </span>
              ),
          },
        ]}
      />
    </>
  );
}
