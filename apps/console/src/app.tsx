import { Router } from 'wouter-preact';
import { useHashLocation } from 'wouter-preact/use-hash-location';
import { BrandingProvider } from './branding/branding-context';
import { ConsoleLayout } from './layout/console-layout';
import { SessionProvider, useSession } from './session/session-context';
import { SignInPage } from './session/sign-in-page';
import { EmptyState } from './ui/empty-state';

/**
 * The staff console. Routes live in the URL's hash (`/#/payments/pay_…`): the API serves one page at `/` for every
 * screen, and its own routes can never collide with the console's.
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
  if (state.status === 'resuming') return null;
  if (state.status === 'signed-out') return <SignInPage key={state.reason} brandName={brandName} />;
  return <ConsoleLayout />;
}
