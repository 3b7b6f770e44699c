import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../format/format-date';
import { ErrorState } from '../../../ui/error-state';
import { PagedTable } from '../../../ui/paged-table';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';

const PAGE_SIZE = 25;

/**
 * Payment jobs that failed their last attempt (gateway down, a bug): why, for which tenant and payment, and a
 * replay once the cause is fixed. The worker charges with the payment id as idempotency key, so a replay never
 * charges twice.
 */
export function DeadLettersPage() {
  const [replayed, setReplayed] = useState<string | null>(null);
  const action = useAction();
  const replay = (jobId: string) =>
    action.run(async () => {
      await platformApi.POST('/v1/admin/payments/dead-letters/{jobId}/replay', {
        params: { path: { jobId } },
      });
      setReplayed(`Job ${jobId} was queued again.`);
    });

  return (
    <>
      <h1>Dead letters</h1>
      {replayed !== null && (
        <p class="notice" role="status" id="replay-notice">
          {replayed}
        </p>
      )}
      {action.error !== null && <ErrorState message={action.error} />}
      <PagedTable
        caption="Failed payment jobs, newest first"
        pagerLabel="Dead letter pages"
        // A replayed job leaves the dead letters: the page is read again.
        refreshKey={replayed}
        load={(startingAfter) =>
          platformApi.GET('/v1/admin/payments/dead-letters', {
            params: {
              query: {
                limit: PAGE_SIZE,
                starting_after: startingAfter,
              },
            },
          })
        }
        rowId={(letter) => letter.jobId}
        emptyTitle="No dead letters: every payment job went through."
        columns={[
          {
            header: 'Failed',
            cell: (letter) => (letter.failedAt === null ? '' : formatDateTime(letter.failedAt)),
          },
          { header: 'Job', cell: (letter) => <code>{letter.name}</code> },
          { header: 'Tenant', cell: (letter) => letter.tenantId ?? '' },
          { header: 'Payment', cell: (letter) => letter.paymentId ?? '' },
          { header: 'Attempts', numeric: true, cell: (letter) => letter.attemptsMade },
          { header: 'Reason', cell: (letter) => letter.failedReason },
          {
            header: 'Action',
            cell: (letter) => (
              <button
                type="button"
                disabled={action.busy}
                aria-label={`Replay job ${letter.jobId}`}
                onClick={() => void replay(letter.jobId)}
              >
                Replay
              </button>
            ),
          },
        ]}
      />
    </>
  );
}
