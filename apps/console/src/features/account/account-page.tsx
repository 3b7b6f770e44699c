import { useStaffUser } from '../../session/session-context';
import { ChangePasswordForm } from './change-password-form';
import { MfaSettings } from './mfa-settings';
import { SignedInSessions } from './signed-in-sessions';
import { staffMfaClient } from './staff-mfa-client';

/** The signed-in staff member's own account: password, where they are signed in, and the second factor. */
export function AccountPage() {
  const user = useStaffUser();
  return (
    <>
      <h1>Account</h1>
      <p>Signed in as {user.email}.</p>
      <ChangePasswordForm />
      <MfaSettings client={staffMfaClient} />
      <SignedInSessions />
    </>
  );
}
