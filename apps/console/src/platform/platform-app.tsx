import { Router } from 'wouter-preact';
import { useHashLocation } from 'wouter-preact/use-hash-location';
import { AcceptInvitationPage } from './email-links/accept-invitation-page';
import { ResetPasswordPage } from './email-links/reset-password-page';
import { PlatformLayout } from './layout/platform-layout';
import { ACCEPT_INVITATION_PATH, RESET_PASSWORD_PATH } from './platform-console.constant';
import { PlatformSessionProvider, usePlatformSession } from './session/platform-session-context';
import { PlatformSignInPage } from './session/platform-sign-in-page';

/**
 * The platform console on `admin.{BASE_DOMAIN}`. The emailed links open real paths (fixed, so links already sent
 * keep working); every other screen lives in the URL's hash, as in the staff console.
 */
export function PlatformApp() {
  const path = window.location.pathname;
  return (
    <PlatformSessionProvider>
      {path === ACCEPT_INVITATION_PATH ? (
        <AcceptInvitationPage />
      ) : path === RESET_PASSWORD_PATH ? (
        <ResetPasswordPage />
      ) : (
        <Router hook={useHashLocation}>
          <SignedInOrNot />
        </Router>
      )}
    </PlatformSessionProvider>
  );
}

function SignedInOrNot() {
  const { state } = usePlatformSession();
  if (state.status === 'resuming') return null;
  if (state.status === 'signed-out') return <PlatformSignInPage key={state.reason} />;
  return <PlatformLayout />;
}
