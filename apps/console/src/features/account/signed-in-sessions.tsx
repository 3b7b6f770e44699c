import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../format/format-date';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { useAction } from '../../ui/use-action';

/** One of the caller's sessions (SessionView). */
interface SignedInSession {
  readonly id: string;
  readonly createdAt: string;
  readonly lastRefreshedAt: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly current: boolean;
}

/** Where the staff member is signed in, with a way to end any other session (a lost laptop). */
export function SignedInSessions() {
  const sessions = useApiData(
    () => consoleApi.GET('/v1/auth/sessions') as Promise<ListPage<SignedInSession>>,
  );
  const action = useAction();
  const end = (session: SignedInSession) =>
    void action.run(async () => {
      await consoleApi.POST('/v1/auth/sessions/{id}/revoke', { params: { path: { id: session.id } } });
      sessions.reload();
    });
  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      {action.error !== null && <ErrorState message={action.error} />}
      {sessions.error !== null && <ErrorState message={sessions.error} />}
      <DataTable
        caption="Where you are signed in"
        busy={sessions.data === null && sessions.error === null}
        rows={sessions.data?.data ?? []}
        rowKey={(session) => session.id}
        emptyTitle="No other sessions."
        columns={[
          { header: 'Signed in', cell: (session) => formatDateTime(session.createdAt) },
          {
            header: 'Last active',
            cell: (session) => formatDateTime(session.lastRefreshedAt ?? session.createdAt),
          },
          { header: 'Browser', cell: (session) => session.userAgent ?? 'Unknown' },
          { header: 'IP', cell: (session) => session.ip ?? '' },
          {
            header: 'Actions',
            cell: (session) =>
              session.current ? (
                'This session'
              ) : (
                <button type="button" disabled={action.busy} onClick={() => end(session)}>
                  End session <span class="visually-hidden">from {formatDateTime(session.createdAt)}</span>
                </button>
              ),
          },
        ]}
      />
    </section>
  );
}
