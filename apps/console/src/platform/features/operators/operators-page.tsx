import { useState } from 'preact/hooks';
import { useApiData } from '../../../api/use-api-data';
import { formatDateTime } from '../../../format/format-date';
import { ErrorState } from '../../../ui/error-state';
import { formValue } from '../../../ui/form-value';
import { InvitationsTable } from '../../../ui/invitations-table';
import { PagedTable } from '../../../ui/paged-table';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';
import { useOperator } from '../../session/platform-session-context';

const PAGE_SIZE = 25;

/**
 * The platform's operators (super-admins) and the invitations pending for new ones: invite by email, resend,
 * revoke; deactivate and reactivate an operator (never oneself: the platform must keep someone who can sign in).
 */
export function OperatorsPage() {
  const me = useOperator();
  const [notice, setNotice] = useState<string | null>(null);
  /** Counts the changes made here, so the operators' page shown is read again after each. */
  const [changes, setChanges] = useState(0);
  const action = useAction();
  const invitations = useApiData(() => platformApi.GET('/v1/admin/platform-invitations'));
  const done = (message: string) => {
    setNotice(message);
    setChanges((count) => count + 1);
    invitations.reload();
  };

  const invite = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const email = formValue(form, 'email').trim();
    return action.run(async () => {
      await platformApi.POST('/v1/admin/platform-invitations', { body: { email } });
      form.reset();
      done(`An invitation is on its way to ${email}.`);
    });
  };

  return (
    <>
      <h1>Operators</h1>
      {notice !== null && (
        <p class="notice" role="status" id="operators-notice">
          {notice}
        </p>
      )}
      {action.error !== null && <ErrorState id="operators-error" message={action.error} />}
      <section class="card" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite an operator</h2>
        <form id="invite-operator-form" class="inline-form" onSubmit={invite}>
          <label>
            Email
            <input name="email" type="email" required maxLength={254} />
          </label>
          <button type="submit" disabled={action.busy}>
            Send invitation
          </button>
        </form>
      </section>
      <PagedTable
        caption="Operators"
        pagerLabel="Operator pages"
        refreshKey={changes}
        load={(startingAfter) =>
          platformApi.GET('/v1/admin/platform-users', {
            params: {
              query: {
                limit: PAGE_SIZE,
                starting_after: startingAfter,
              },
            },
          })
        }
        rowId={(operator) => operator.id}
        emptyTitle="No operators."
        columns={[
          { header: 'Email', cell: (operator) => operator.email },
          { header: 'Status', cell: (operator) => (operator.isActive ? 'Active' : 'Deactivated') },
          {
            header: 'Last sign-in',
            cell: (operator) =>
              operator.lastLoginAt === null ? 'Never' : formatDateTime(operator.lastLoginAt),
          },
          {
            header: 'Action',
            cell: (operator) =>
              operator.id === me.id ? (
                <span class="muted">You</span>
              ) : operator.isActive ? (
                <button
                  type="button"
                  class="danger"
                  disabled={action.busy}
                  aria-label={`Deactivate ${operator.email}`}
                  onClick={() =>
                    void action.run(async () => {
                      await platformApi.POST('/v1/admin/platform-users/{id}/deactivate', {
                        params: { path: { id: operator.id } },
                      });
                      done(`${operator.email} was deactivated.`);
                    })
                  }
                >
                  Deactivate
                </button>
              ) : (
                <button
                  type="button"
                  disabled={action.busy}
                  aria-label={`Reactivate ${operator.email}`}
                  onClick={() =>
                    void action.run(async () => {
                      await platformApi.POST('/v1/admin/platform-users/{id}/reactivate', {
                        params: { path: { id: operator.id } },
                      });
                      done(`${operator.email} was reactivated.`);
                    })
                  }
                >
                  Reactivate
                </button>
              ),
          },
        ]}
      />
      <h2>Pending invitations</h2>
      <InvitationsTable
        caption="Invitations not yet accepted"
        invitations={invitations}
        busy={action.busy}
        onResend={(invitation) =>
          void action.run(async () => {
            await platformApi.POST('/v1/admin/platform-invitations/{id}/resend', {
              params: { path: { id: invitation.id } },
            });
            done(`The invitation to ${invitation.email} was sent again.`);
          })
        }
        onRevoke={(invitation) =>
          void action.run(async () => {
            await platformApi.POST('/v1/admin/platform-invitations/{id}/revoke', {
              params: { path: { id: invitation.id } },
            });
            done(`The invitation to ${invitation.email} was revoked.`);
          })
        }
      />
    </>
  );
}
