import { useState } from 'preact/hooks';
import { useApiData } from '../../../api/use-api-data';
import { currentCursor, FIRST_PAGE } from '../../../features/payments/cursor-pages';
import { formatDateTime } from '../../../format/format-date';
import { DataTable } from '../../../ui/data-table';
import { ErrorState } from '../../../ui/error-state';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';
import { CursorPager } from '../../../ui/cursor-pager';

const PAGE_SIZE = 25;

/**
 * Payment jobs that failed their last attempt (gateway down, a bug): why, for which tenant and payment, and a
 * replay once the cause is fixed. The worker charges with the payment id as idempotency key, so a replay never
 * charges twice.
 */
export function DeadLettersPage() {
  const [pages, setPages] = useState(FIRST_PAGE);
  const [replayed, setReplayed] = useState<string | null>(null);
  const action = useAction();
  const startingAfter = currentCursor(pages);
  const letters = useApiData(
    () =>
      platformApi.GET('/v1/admin/payments/dead-letters', {
        params: {
          query: {
            limit: PAGE_SIZE,
            ...(startingAfter === undefined ? {} : { starting_after: startingAfter }),
          },
        },
      }),
    [startingAfter],
  );
  const rows = letters.data?.data ?? [];
  const replay = (jobId: string) =>
    action.run(async () => {
      await platformApi.POST('/v1/admin/payments/dead-letters/{jobId}/replay', {
        params: { path: { jobId } },
      });
      setReplayed(`Job ${jobId} was queued again.`);
      letters.reload();
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
      {letters.error !== null && <ErrorState message={letters.error} />}
      <DataTable
        caption="Failed payment jobs, newest first"
        busy={letters.data === null && letters.error === null}
        rows={rows}
        rowKey={(letter) => letter.jobId}
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
      <CursorPager
        label="Dead letter pages"
        pages={pages}
        onChange={setPages}
        lastId={rows[rows.length - 1]?.jobId}
        hasMore={letters.data?.has_more === true}
      />
    </>
  );
}
