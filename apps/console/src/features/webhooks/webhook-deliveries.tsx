import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../format/format-date';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { useAction } from '../../ui/use-action';
import type { WebhookDelivery, WebhookEndpoint } from './webhook-endpoint';

/** One endpoint's delivery log, newest first, with a replay of any event to this endpoint. */
export function WebhookDeliveries(props: { readonly endpoint: WebhookEndpoint }) {
  const deliveries = useApiData(
    () =>
      consoleApi.GET('/v1/webhook-endpoints/{id}/deliveries', {
        params: { path: { id: props.endpoint.id }, query: { limit: 50 } },
      }) as Promise<ListPage<WebhookDelivery>>,
    [props.endpoint.id],
  );
  const action = useAction();
  const replay = (delivery: WebhookDelivery) =>
    void action.run(async () => {
      await consoleApi.POST('/v1/webhook-events/{eventId}/replay', {
        params: { path: { eventId: delivery.eventId } },
        body: { endpointId: props.endpoint.id },
      });
      deliveries.reload();
    });
  return (
    <section class="card" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries to {props.endpoint.url}</h2>
      {action.error !== null && <ErrorState message={action.error} />}
      {deliveries.error !== null && <ErrorState message={deliveries.error} />}
      <DataTable
        caption="Delivery log"
        busy={deliveries.data === null && deliveries.error === null}
        rows={deliveries.data?.data ?? []}
        rowKey={(delivery) => delivery.id}
        emptyTitle="Nothing was sent to this endpoint yet."
        columns={[
          { header: 'Event', cell: (delivery) => <code>{delivery.eventType}</code> },
          { header: 'Status', cell: (delivery) => delivery.status },
          { header: 'Attempts', numeric: true, cell: (delivery) => delivery.attempts.length },
          { header: 'Replay', numeric: true, cell: (delivery) => delivery.replay },
          { header: 'Reason', cell: (delivery) => delivery.finalReason ?? '' },
          { header: 'Created', cell: (delivery) => formatDateTime(delivery.createdAt) },
          {
            header: 'Actions',
            cell: (delivery) => (
              <button type="button" disabled={action.busy} onClick={() => replay(delivery)}>
                Replay <span class="visually-hidden">{delivery.eventType}</span>
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}
