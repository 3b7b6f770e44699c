import type { ApiData } from '../api/use-api-data';
import { formatDateTime } from '../format/format-date';
import { DataTable, type DataTableColumn } from './data-table';
import { ErrorState } from './error-state';

/** What both consoles' invitation lists share: the invitee and when the link stops working. */
export interface PendingInvitation {
  readonly id: string;
  readonly email: string;
  readonly expiresAt: string;
}

/**
 * Invitations not yet accepted, each with Resend (a new link, the old one dead) and Revoke; the staff console
 * adds the invited role as a column.
 */
export function InvitationsTable<Invitation extends PendingInvitation>(props: {
  readonly caption: string;
  readonly invitations: ApiData<{ readonly data: readonly Invitation[] }>;
  readonly extraColumns?: readonly DataTableColumn<Invitation>[];
  readonly busy: boolean;
  readonly onResend: (invitation: Invitation) => void;
  readonly onRevoke: (invitation: Invitation) => void;
}) {
  const { invitations } = props;
  return (
    <>
      {invitations.error !== null && <ErrorState message={invitations.error} />}
      <DataTable
        caption={props.caption}
        busy={invitations.data === null && invitations.error === null}
        rows={invitations.data?.data ?? []}
        rowKey={(invitation) => invitation.id}
        emptyTitle="No pending invitations."
        columns={[
          { header: 'Email', cell: (invitation) => invitation.email },
          ...(props.extraColumns ?? []),
          { header: 'Expires', cell: (invitation) => formatDateTime(invitation.expiresAt) },
          {
            header: 'Actions',
            cell: (invitation) => (
              <span class="row-actions">
                <button
                  type="button"
                  class="secondary"
                  disabled={props.busy}
                  aria-label={`Resend the invitation to ${invitation.email}`}
                  onClick={() => props.onResend(invitation)}
                >
                  Resend
                </button>
                <button
                  type="button"
                  class="danger"
                  disabled={props.busy}
                  aria-label={`Revoke the invitation to ${invitation.email}`}
                  onClick={() => props.onRevoke(invitation)}
                >
                  Revoke
                </button>
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
