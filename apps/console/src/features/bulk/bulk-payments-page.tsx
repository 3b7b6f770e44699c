import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'wouter-preact';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { formatDateTime } from '../../format/format-date';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { humanize } from '../payments/payment';
import type { CreatedPaymentBatch, PaymentBatch } from './payment-batch';
import { parseBatchFile } from './parse-batch-file';
import { BATCH_PROGRESS_POLL_MS, isBatchRunning, rowNumber } from './payment-batch-item';

/** Bulk payments: upload a CSV or JSON file, see its rejected rows at once and its progress live; past batches. */
export function BulkPaymentsPage() {
  const [batches, setBatches] = useState<readonly PaymentBatch[] | null>(null);
  const [created, setCreated] = useState<CreatedPaymentBatch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [, navigate] = useLocation();

  useEffect(() => {
    consoleApi
      .GET('/v1/payments/batches', { params: { query: { limit: 20 } } })
      .then((body) => setBatches((body as { data: PaymentBatch[] }).data))
      .catch((failure: unknown) => setError(apiErrorMessage(failure)));
  }, [refresh]);

  const running = (batches ?? []).some(isBatchRunning);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => setRefresh((count) => count + 1), BATCH_PROGRESS_POLL_MS);
    return () => clearTimeout(timer);
  }, [running, batches]);

  const upload = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (file === undefined) return;
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const payments = parseBatchFile(file.name, await file.text());
      const answer = await consoleApi.POST('/v1/payments/batches', {
        // The document types rows as bare objects (each is validated on its own by the API, see its DTO).
        body: { payments: payments as unknown as Record<string, never>[] },
      });
      setCreated(answer as unknown as CreatedPaymentBatch);
      form.reset();
      setRefresh((count) => count + 1);
    } catch (failure) {
      setError(apiErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Bulk payments</h1>
      <form id="bulk-upload-form" class="card" onSubmit={upload} aria-labelledby="bulk-upload-title">
        <h2 id="bulk-upload-title">Upload a file</h2>
        <p class="muted">
          CSV with a header line (amount in minor units, currency, reference, method, description), or a JSON
          array of payments.
        </p>
        <label>
          File
          <input name="file" type="file" accept=".csv,.json,text/csv,application/json" required />
        </label>
        <button type="submit" disabled={busy}>
          Upload
        </button>
        {error !== null && <ErrorState id="bulk-error" message={error} />}
      </form>
      {created !== null && (
        <section class="card" aria-labelledby="bulk-result-title" id="bulk-result">
          <h2 id="bulk-result-title">
            {created.counts.accepted} of {created.counts.total} rows accepted
          </h2>
          <DataTable
            caption="Rejected rows"
            rows={created.errors}
            rowKey={(rowError) => `${rowError.row}-${rowError.field ?? ''}`}
            emptyTitle="Every row was accepted."
            columns={[
              { header: 'Row', numeric: true, cell: rowNumber },
              { header: 'Field', cell: (rowError) => rowError.field ?? '' },
              { header: 'Problem', cell: (rowError) => rowError.issue ?? '' },
            ]}
          />
          {created.errorsTruncated && <p class="muted">Only the first rejected rows are listed.</p>}
        </section>
      )}
      <div id="batches" aria-busy={batches === null}>
        <DataTable
          caption="Batches, newest first"
          rows={batches ?? []}
          busy={batches === null && error === null}
          rowKey={(batch) => batch.id}
          onOpen={(batch) => navigate(`/bulk/${batch.id}`)}
          emptyTitle="No batches yet."
          columns={[
            { header: 'Created', cell: (batch) => formatDateTime(batch.createdAt) },
            { header: 'Status', cell: (batch) => humanize(batch.status) },
            {
              header: 'Progress',
              cell: (batch) => (
                <progress
                  max={batch.progress.total}
                  value={batch.progress.processed}
                  aria-label={`${batch.progress.processed} of ${batch.progress.total} rows processed`}
                />
              ),
            },
            { header: 'Created payments', numeric: true, cell: (batch) => batch.counts.created },
            {
              header: 'Rejected or failed',
              numeric: true,
              cell: (batch) => batch.counts.rejected + batch.counts.failed,
            },
          ]}
        />
      </div>
    </>
  );
}
