import { useState } from 'preact/hooks';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { useAction } from '../../ui/use-action';
import { platformApi } from '../api/platform-api';
import { usePlatformSession } from '../session/platform-session-context';
import { takeLinkToken } from './link-token';

/**
 * An invited operator's first visit (the invitation email's link, `/accept-invitation?token=…`): choosing a
 * password activates the account and opens its session, then the console opens.
 */
export function AcceptInvitationPage() {
  const session = usePlatformSession();
  const [token] = useState(() => takeLinkToken(window.location, window.history));
  const action = useAction();

  const submit = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    return action.run(async () => {
      if (token === null) return;
      const opened = await platformApi.POST('/v1/platform/invitations/accept', {
        body: { token, password: formValue(form, 'password'), refreshTokenDelivery: 'cookie' },
      });
      await session.opened(opened.accessToken);
      // The console lives at the root; the session is in this tab and the refresh cookie.
      window.location.replace('/');
    });
  };

  return (
    <main class="sign-in" id="accept-invitation-page">
      <h1 id="brand-name">Tenantpay platform</h1>
      {token === null ? (
        <ErrorState
          id="accept-error"
          message="This invitation link is incomplete. Open the link from the email again, or ask an operator to resend it."
        />
      ) : (
        <form id="accept-form" class="card" onSubmit={submit} aria-labelledby="accept-title">
          <h2 id="accept-title">Accept your invitation</h2>
          <p>Choose a password of at least 12 characters to activate your operator account.</p>
          <label>
            New password
            <input name="password" type="password" autocomplete="new-password" minLength={12} required />
          </label>
          {action.error !== null && <ErrorState id="accept-error" message={action.error} />}
          <button type="submit" disabled={action.busy}>
            Activate and sign in
          </button>
        </form>
      )}
    </main>
  );
}
