import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../format/format-date';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { SecretOnce } from '../../ui/secret-once';
import { useAction } from '../../ui/use-action';
import { WebhookDeliveries } from './webhook-deliveries';
import {
  WEBHOOK_EVENT_CHOICES,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from './webhook-endpoint';

/** Where the tenant's events are sent: endpoints with their signing secret (shown once) and delivery log. */
export function WebhooksPage() {
  const endpoints = useApiData(
    () => consoleApi.GET('/v1/webhook-endpoints') as Promise<ListPage<WebhookEndpoint>>,
  );
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | null>(null);
  const [selected, setSelected] = useState<WebhookEndpoint | null>(null);
  const action = useAction();

  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const events = new FormData(form).getAll('events').filter((name) => typeof name === 'string');
    const description = formValue(form, 'description');
    void action.run(async () => {
      const created = (await consoleApi.POST('/v1/webhook-endpoints', {
        body: {
          url: formValue(form, 'url'),
          events: (events.length === 0 ? ['*'] : events) as never,
          ...(description === '' ? {} : { description }),
        },
      })) as WebhookEndpointWithSecret;
      form.reset();
      setSecret(created);
      endpoints.reload();
    });
  };
  const rotate = (endpoint: WebhookEndpoint) =>
    void action.run(async () => {
      setSecret(
        (await consoleApi.POST('/v1/webhook-endpoints/{id}/rotate-secret', {
          params: { path: { id: endpoint.id } },
          body: {},
        })) as WebhookEndpointWithSecret,
      );
      endpoints.reload();
    });
  const remove = (endpoint: WebhookEndpoint) => {
    if (!window.confirm(`Delete the endpoint ${endpoint.url}? Events stop being sent to it.`)) return;
    void action.run(async () => {
      await consoleApi.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id: endpoint.id } } });
      if (selected?.id === endpoint.id) setSelected(null);
      endpoints.reload();
    });
  };

  return (
    <>
      <h1>Webhooks</h1>
      {secret !== null && (
        <SecretOnce
          label={`Signing secret of ${secret.url}`}
          secret={secret.secret}
          onDone={() => setSecret(null)}
        />
      )}
      <section class="card" aria-labelledby="new-endpoint-title">
        <h2 id="new-endpoint-title">New endpoint</h2>
        <form class="stacked-form" onSubmit={create}>
          <label>
            URL (https)
            <input name="url" type="url" required placeholder="https://example.com/webhooks" />
          </label>
          <label>
            Description (optional)
            <input name="description" maxLength={200} />
          </label>
          <fieldset>
            <legend>Events</legend>
            {WEBHOOK_EVENT_CHOICES.map((name) => (
              <label key={name} class="checkbox">
                <input type="checkbox" name="events" value={name} defaultChecked={name === '*'} />
                {name === '*' ? 'Every event' : <code>{name}</code>}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={action.busy}>
            Add endpoint
          </button>
        </form>
        {action.error !== null && <ErrorState message={action.error} />}
      </section>
      {endpoints.error !== null && <ErrorState message={endpoints.error} />}
      <DataTable
        caption="Endpoints (Enter on a row shows its deliveries)"
        busy={endpoints.data === null && endpoints.error === null}
        rows={endpoints.data?.data ?? []}
        rowKey={(endpoint) => endpoint.id}
        onOpen={setSelected}
        emptyTitle="No endpoints yet. Add one to receive payment events."
        columns={[
          { header: 'URL', cell: (endpoint) => endpoint.url },
          { header: 'Events', cell: (endpoint) => endpoint.events.join(', ') },
          {
            header: 'Status',
            cell: (endpoint) =>
              endpoint.enabled
                ? 'Enabled'
                : `Disabled${endpoint.disabledReason === null ? '' : ` (${endpoint.disabledReason})`}`,
          },
          { header: 'Created', cell: (endpoint) => formatDateTime(endpoint.createdAt) },
          {
            header: 'Actions',
            cell: (endpoint) => (
              <span class="row-actions">
                <button
                  type="button"
                  disabled={action.busy}
                  onClick={(event) => (event.stopPropagation(), rotate(endpoint))}
                >
                  Rotate secret <span class="visually-hidden">{endpoint.url}</span>
                </button>
                <button
                  type="button"
                  class="danger"
                  disabled={action.busy}
                  onClick={(event) => (event.stopPropagation(), remove(endpoint))}
                >
                  Delete <span class="visually-hidden">{endpoint.url}</span>
                </button>
              </span>
            ),
          },
        ]}
      />
      {selected !== null && <WebhookDeliveries endpoint={selected} />}
    </>
  );
}
