import { MfaSettings } from '../../../features/account/mfa-settings';
import { useOperator } from '../../session/platform-session-context';
import { operatorMfaClient } from './operator-mfa-client';

/** The signed-in operator's own account: their second factor, enrolled and turned off as bank staff do theirs. */
export function PlatformAccountPage() {
  const operator = useOperator();
  return (
    <>
      <h1>Account</h1>
      <p>Signed in as {operator.email}.</p>
      <MfaSettings client={operatorMfaClient} />
    </>
  );
}
