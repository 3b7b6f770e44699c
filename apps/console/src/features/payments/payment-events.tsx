import { consoleApi } from '../../api/console-api';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../format/format-date';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { deliverySummary } from './delivery-summary';

/**
 * What happened to a payment beyond its status changes: the gateway's events that moved it, and the webhook
 * events the tenant's endpoints were sent, with how their deliveries went (a failed one is replayed from the
 * Webhooks screen). `reloadKey` changes when the payment does, since a cancel or refund publishes an event.
 */
export function PaymentEvents({
  paymentId,
  reloadKey,
}: {
  readonly paymentId: string;
  readonly reloadKey: string;
}) {
  const events = useApiData(
    () => consoleApi.GET('/v1/payments/{id}/events', { params: { path: { id: paymentId } } }),
    [paymentId, reloadKey],
  );
  if (events.error !== null) return <ErrorState message={events.error} />;
  return (
    <div id="payment-events" aria-busy={events.data === null}>
      <DataTable
        caption="Webhook events sent"
        busy={events.data === null}
        rows={events.data?.webhooks ?? []}
        rowKey={(event) => event.id}
        emptyTitle="No webhook event was sent for this payment."
        columns={[
          { header: 'When', cell: (event) => formatDateTime(event.createdAt) },
          { header: 'Event', cell: (event) => event.type },
          { header: 'Deliveries', cell: (event) => deliverySummary(event.deliveries) },
          { header: 'Replays', numeric: true, cell: (event) => event.replayCount },
        ]}
      />
      <DataTable
        caption="Gateway events received"
        busy={events.data === null}
        rows={events.data?.gateway ?? []}
        rowKey={(event) => event.id}
        emptyTitle="The gateway has sent no event for this payment."
        columns={[
          { header: 'Received', cell: (event) => formatDateTime(event.receivedAt) },
          { header: 'Event', cell: (event) => event.type },
          {
            header: 'Result',
            cell: (event) =>
              event.result === null ? 'Waiting to be applied' : event.result.replace(/_/g, ' '),
          },
          { header: 'Gateway id', cell: (event) => <code>{event.id}</code> },
        ]}
      />
    </div>
  );
}
