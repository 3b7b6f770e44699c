import { useLocation } from 'wouter-preact';
import { consoleApi } from '../api/console-api';
import { useSession } from '../session/session-context';
import { ErrorState } from '../ui/error-state';
import { formValue } from '../ui/form-value';
import { useAction } from '../ui/use-action';

const NO_TOKEN = 'This page needs the link from your invitation email.';

/**
 * The invitation email's link: the new user chooses a password (and a name), and the session opens as after a
 * sign-in, on the dashboard. A spent, expired or revoked invitation says so, in the API's words.
 */
export function AcceptInvitationPage({
  brandName,
  token,
}: {
  readonly brandName: string;
  readonly token: string | null;
}) {
  const session = useSession();
  const [, navigate] = useLocation();
  const action = useAction();

  const accept = (event: SubmitEvent): void => {
    event.preventDefault();
    if (token === null) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = formValue(form, 'name').trim();
    void action.run(async () => {
      const answer = await consoleApi.POST('/v1/invitations/accept', {
        body: {
          token,
          password: formValue(form, 'password'),
          ...(name === '' ? {} : { name }),
          refreshTokenDelivery: 'cookie',
        },
      });
      await session.opened(answer.accessToken);
      navigate('/', { replace: true });
    });
  };
  const error = token === null ? NO_TOKEN : action.error;

  return (
    <main id="main" class="sign-in">
      <h1>Join {brandName}</h1>
      <p>Choose the password you will sign in with.</p>
      {error !== null && <ErrorState id="accept-error" message={error} />}
      <form id="accept-form" onSubmit={accept}>
        <label>
          Your name
          <input name="name" autoComplete="name" maxLength={200} />
        </label>
        <label>
          Password
          <input name="password" type="password" required autoComplete="new-password" />
        </label>
        <button type="submit" disabled={action.busy || token === null}>
          Accept the invitation
        </button>
      </form>
    </main>
  );
}
