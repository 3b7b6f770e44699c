import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../format/format-date';
import { ErrorState } from '../../ui/error-state';
import { PagedTable } from '../../ui/paged-table';
import { humanize } from '../payments/payment';
import type { PaymentBatch } from './payment-batch';
import {
  BATCH_PROGRESS_POLL_MS,
  batchItemProblem,
  isBatchRunning,
  PAYMENT_BATCH_ITEM_STATUSES,
  type PaymentBatchItem,
  type PaymentBatchItemStatus,
  rowNumber,
} from './payment-batch-item';

const PAGE_SIZE = 50;

/**
 * One batch: its counts and progress, read again while the worker processes it, and its rows, each with what
 * became of it — the payment it created (a link) or why it did not.
 */
export function PaymentBatchDetailPage({
  params,
}: {
  readonly params: Readonly<Record<string, string | undefined>>;
}) {
  const id = params['id'] ?? '';
  const [status, setStatus] = useState<PaymentBatchItemStatus | undefined>(undefined);
  const batch = useApiData(
    () => consoleApi.GET('/v1/payments/batches/{id}', { params: { path: { id } } }) as Promise<PaymentBatch>,
    [id],
  );

  const running = batch.data !== null && isBatchRunning(batch.data);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => {
      batch.reload();
    }, BATCH_PROGRESS_POLL_MS);
    return () => clearTimeout(timer);
  }, [running, batch.data]);

  if (batch.error !== null) return <ErrorState message={batch.error} />;
  if (batch.data === null) return <p aria-busy="true">Loading the batch…</p>;
  const { counts, progress } = batch.data;

  return (
    <>
      <p>
        <Link href="/bulk">← Bulk payments</Link>
      </p>
      <h1>Batch of {formatDateTime(batch.data.createdAt)}</h1>
      <dl class="facts">
        <dt>Status</dt>
        <dd id="batch-status">{humanize(batch.data.status)}</dd>
        <dt>Progress</dt>
        <dd>
          <progress
            id="batch-progress"
            max={progress.total}
            value={progress.processed}
            aria-label={`${progress.processed} of ${progress.total} rows processed`}
          />{' '}
          {progress.processed} of {progress.total} rows processed
        </dd>
        <dt>Rows</dt>
        <dd id="batch-counts">
          {counts.total} in the file: {counts.created} created, {counts.rejected} rejected, {counts.failed}{' '}
          failed
        </dd>
      </dl>
      <form class="inline-form" aria-label="Filter rows" onSubmit={(event) => event.preventDefault()}>
        <label>
          Rows
          <select
            name="status"
            value={status ?? ''}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              setStatus(chosen === '' ? undefined : (chosen as PaymentBatchItemStatus));
            }}
          >
            <option value="">All</option>
            {PAYMENT_BATCH_ITEM_STATUSES.map((value) => (
              <option key={value} value={value}>
                {humanize(value)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <PagedTable
        key={`${id}:${status ?? ''}`}
        id="batch-items"
        caption="Rows of the batch"
        pagerLabel="Rows pages"
        load={(startingAfter) =>
          consoleApi.GET('/v1/payments/batches/{id}/items', {
            params: {
              path: { id },
              query: {
                limit: PAGE_SIZE,
                ...(status === undefined ? {} : { status }),
                ...(startingAfter === undefined ? {} : { starting_after: Number(startingAfter) }),
              },
            },
          }) as Promise<ListPage<PaymentBatchItem>>
        }
        rowId={(item) => String(item.row)}
        // The rows change as the worker processes them: the page shown is read again with each poll of the batch.
        refreshKey={batch.data}
        emptyTitle={status === undefined ? 'This batch has no rows.' : 'No row has this status.'}
        columns={[
          { header: 'Row', numeric: true, cell: rowNumber },
          { header: 'Reference', cell: (item) => item.reference ?? '' },
          { header: 'Result', cell: (item) => humanize(item.status) },
          {
            header: 'Payment',
            cell: (item) =>
              item.paymentId === null ? (
                ''
              ) : (
                <Link href={`/payments/${item.paymentId}`}>
                  {item.paymentStatus === null ? 'Open' : humanize(item.paymentStatus)}
                  <span class="visually-hidden"> payment of row {rowNumber(item)}</span>
                </Link>
              ),
          },
          { header: 'Problem', cell: batchItemProblem },
        ]}
      />
    </>
  );
}
