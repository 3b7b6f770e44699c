import { useState } from 'preact/hooks';
import { Router, useLocation } from 'wouter-preact';
import { useHashLocation } from 'wouter-preact/use-hash-location';
import { BrandingProvider } from './branding/branding-context';
import { AcceptInvitationPage } from './email-links/accept-invitation-page';
import { ACCEPT_INVITATION_ROUTE, isEmailLinkRoute } from './email-links/email-link-routes';
import { takeEmailLinkToken } from './email-links/email-link-token';
import { ResetPasswordPage } from './email-links/reset-password-page';
import { ConsoleLayout } from './layout/console-layout';
import { SessionProvider, useSession } from './session/session-context';
import { SignInPage } from './session/sign-in-page';
import { EmptyState } from './ui/empty-state';

/**
 * The staff console. Routes live in the URL's hash (`/#/payments/pay_…`): the API serves one page at `/` for every
 * screen, and its own routes can never collide with the console's. Email links open their pages the same way
 * (`/?token=…#/accept-invitation`).
 */
export function App() {
  return (
    <BrandingProvider>
      {(branding) =>
        branding.status === 'loading' ? null : branding.status === 'no-tenant' ? (
          <main id="main" class="sign-in">
            <EmptyState title="There is no console at this address." />
          </main>
        ) : (
          <SessionProvider>
            <Router hook={useHashLocation}>
              <SignedInOrNot brandName={branding.branding.displayName} />
            </Router>
          </SessionProvider>
        )
      }
    </BrandingProvider>
  );
}

function SignedInOrNot({ brandName }: { readonly brandName: string }) {
  const { state } = useSession();
  const [location] = useLocation();
  // Taken on the first render, whatever the route: no page leaves a link's token in the address bar.
  const [token] = useState(takeEmailLinkToken);
  // An email link's page opens whether or not someone is signed in in this browser.
  if (isEmailLinkRoute(location))
    return location === ACCEPT_INVITATION_ROUTE ? (
      <AcceptInvitationPage brandName={brandName} token={token} />
    ) : (
      <ResetPasswordPage brandName={brandName} token={token} />
    );
  if (state.status === 'resuming') return null;
  if (state.status === 'signed-out') return <SignInPage key={state.reason} brandName={brandName} />;
  return <ConsoleLayout />;
}
