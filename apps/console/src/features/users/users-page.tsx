import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import type { ListPage } from '../../api/list-page';
import { useApiData } from '../../api/use-api-data';
import { formatDateTime } from '../../format/format-date';
import { titleCase } from '../../layout/route-gate';
import { useStaffUser } from '../../session/session-context';
import { ALL_STAFF_ROLES, type StaffRole } from '../../session/staff-user';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { InvitationsTable } from '../../ui/invitations-table';
import { useAction } from '../../ui/use-action';
import type { Invitation, StaffMember } from './staff-member';

/**
 * The tenant's staff: roles, deactivation and reactivation, which sign-ins failed logins locked (and until when)
 * with their unlock, ending a user's sessions (a lost laptop), and invitations by email (each role's rights:
 * SPEC §5).
 */
export function UsersPage() {
  const me = useStaffUser();
  const users = useApiData(
    () =>
      consoleApi.GET('/v1/users', { params: { query: { limit: 100 } } }) as Promise<ListPage<StaffMember>>,
  );
  const invitations = useApiData(
    () =>
      consoleApi.GET('/v1/invitations', { params: { query: { limit: 100 } } }) as Promise<
        ListPage<Invitation>
      >,
  );
  const action = useAction();
  /** What the last unlock or end-sessions did, said in words beside the table's own change (the lock badge gone). */
  const [outcome, setOutcome] = useState<string | null>(null);

  const invite = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void action.run(async () => {
      await consoleApi.POST('/v1/invitations', {
        body: { email: formValue(form, 'email'), role: formValue(form, 'role') as StaffRole },
      });
      form.reset();
      invitations.reload();
    });
  };
  const changeRole = (user: StaffMember, role: StaffRole) =>
    void action.run(async () => {
      await consoleApi.PATCH('/v1/users/{id}/role', { params: { path: { id: user.id } }, body: { role } });
      users.reload();
    });
  const setActive = (user: StaffMember, active: boolean) =>
    void action.run(async () => {
      const path = active ? '/v1/users/{id}/reactivate' : '/v1/users/{id}/deactivate';
      await consoleApi.POST(path, { params: { path: { id: user.id } } });
      users.reload();
    });
  const unlock = (user: StaffMember) =>
    void action.run(async () => {
      setOutcome(null);
      await consoleApi.POST('/v1/users/{id}/unlock', { params: { path: { id: user.id } } });
      setOutcome(`${user.email} can sign in again: the failed attempts were cleared.`);
      users.reload();
    });
  const endSessions = (user: StaffMember) =>
    void action.run(async () => {
      setOutcome(null);
      const { revoked } = await consoleApi.POST('/v1/users/{id}/sessions/revoke', {
        params: { path: { id: user.id } },
      });
      setOutcome(
        revoked === 0
          ? `${user.email} had no session to end.`
          : `${user.email} was signed out of ${revoked === 1 ? 'one session' : `${revoked} sessions`}.`,
      );
    });
  const invitationAction = (invitation: Invitation, what: 'resend' | 'revoke') =>
    void action.run(async () => {
      const path = what === 'resend' ? '/v1/invitations/{id}/resend' : '/v1/invitations/{id}/revoke';
      await consoleApi.POST(path, { params: { path: { id: invitation.id } } });
      invitations.reload();
    });

  return (
    <>
      <h1>Users</h1>
      {action.error !== null && <ErrorState message={action.error} />}
      {outcome !== null && (
        <p id="user-action-outcome" role="status">
          {outcome}
        </p>
      )}
      <section class="card" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <form class="inline-form" onSubmit={invite}>
          <label>
            Email
            <input name="email" type="email" required maxLength={254} />
          </label>
          <label>
            Role
            <select name="role" defaultValue="VIEWER">
              {ALL_STAFF_ROLES.map((role) => (
                <option key={role} value={role}>
                  {titleCase(role)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={action.busy}>
            Send invitation
          </button>
        </form>
        <p class="muted">Admins manage the organisation, operators also move money, viewers only read.</p>
      </section>
      {users.error !== null && <ErrorState message={users.error} />}
      <DataTable
        caption="Staff"
        busy={users.data === null && users.error === null}
        rows={users.data?.data ?? []}
        rowKey={(user) => user.id}
        emptyTitle="No users yet."
        columns={[
          { header: 'Email', cell: (user) => user.email },
          {
            header: 'Role',
            cell: (user) =>
              user.id === me.id ? (
                `${titleCase(user.role)} (you)`
              ) : (
                <select
                  aria-label={`Role of ${user.email}`}
                  value={user.role}
                  disabled={action.busy}
                  onChange={(event) => changeRole(user, event.currentTarget.value as StaffRole)}
                >
                  {ALL_STAFF_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {titleCase(role)}
                    </option>
                  ))}
                </select>
              ),
          },
          {
            header: 'Status',
            cell: (user) => (
              <>
                {user.isActive ? 'Active' : 'Deactivated'}
                {user.lockedUntil !== null && (
                  <>
                    {' '}
                    <span class="lock-badge">Locked until {formatDateTime(user.lockedUntil)}</span>
                  </>
                )}
              </>
            ),
          },
          {
            header: 'Last sign-in',
            cell: (user) => (user.lastLoginAt === null ? 'Never' : formatDateTime(user.lastLoginAt)),
          },
          {
            header: 'Actions',
            cell: (user) =>
              // Not on your own row: the API refuses an admin's change to their own account, and your sessions are on the account screen.
              user.id === me.id ? null : (
                <span class="row-actions">
                  <button
                    type="button"
                    disabled={action.busy}
                    onClick={() => setActive(user, !user.isActive)}
                  >
                    {user.isActive ? 'Deactivate' : 'Reactivate'}{' '}
                    <span class="visually-hidden">{user.email}</span>
                  </button>
                  {user.isActive && (
                    <>
                      {user.lockedUntil !== null && (
                        <button type="button" disabled={action.busy} onClick={() => unlock(user)}>
                          Unlock sign-in <span class="visually-hidden">{user.email}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        class="danger"
                        disabled={action.busy}
                        onClick={() => endSessions(user)}
                      >
                        End sessions <span class="visually-hidden">{user.email}</span>
                      </button>
                    </>
                  )}
                </span>
              ),
          },
        ]}
      />
      <InvitationsTable
        caption="Pending invitations"
        invitations={invitations}
        extraColumns={[{ header: 'Role', cell: (invitation) => titleCase(invitation.role) }]}
        busy={action.busy}
        onResend={(invitation) => invitationAction(invitation, 'resend')}
        onRevoke={(invitation) => invitationAction(invitation, 'revoke')}
      />
    </>
  );
}
