import { useState } from 'preact/hooks';
import { consoleApi } from '../api/console-api';
import { ErrorState } from '../ui/error-state';
import { formValue } from '../ui/form-value';
import { useAction } from '../ui/use-action';

/**
 * Password reset. Without a token (the sign-in's "Forgot your password?"), it asks for the email and the API
 * sends a link, answering the same whether or not the account exists; with the link's token, it sets the new
 * password, which ends every session of the account, and sends the user to sign in.
 */
export function ResetPasswordPage({
  brandName,
  token,
}: {
  readonly brandName: string;
  readonly token: string | null;
}) {
  const action = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const run = (work: () => Promise<string>) => void action.run(async () => setMessage(await work()));
  const requestLink = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    run(async () => {
      const answer = await consoleApi.POST('/v1/auth/password-reset', {
        body: { email: formValue(form, 'email') },
      });
      return answer.message;
    });
  };
  const setPassword = (event: SubmitEvent) => {
    event.preventDefault();
    if (token === null) return;
    const form = event.currentTarget as HTMLFormElement;
    run(async () => {
      await consoleApi.POST('/v1/auth/password-reset/confirm', {
        body: { token, password: formValue(form, 'password') },
      });
      return 'Your password was changed, and every session of your account was signed out. Sign in with the new password.';
    });
  };

  return (
    <main id="main" class="sign-in">
      <h1>Reset your {brandName} password</h1>
      {action.error !== null && <ErrorState id="reset-error" message={action.error} />}
      {message !== null ? (
        <>
          <p id="reset-message" role="status">
            {message}
          </p>
          {token !== null && <a href="/">Sign in</a>}
        </>
      ) : token === null ? (
        <form id="reset-request-form" onSubmit={requestLink}>
          <label>
            Email
            <input name="email" type="email" required maxLength={254} autoComplete="email" />
          </label>
          <button type="submit" disabled={action.busy}>
            Send me a link
          </button>
        </form>
      ) : (
        <form id="reset-confirm-form" onSubmit={setPassword}>
          <label>
            New password
            <input name="password" type="password" required autoComplete="new-password" />
          </label>
          <button type="submit" disabled={action.busy}>
            Set the new password
          </button>
        </form>
      )}
    </main>
  );
}
