import { useState } from 'preact/hooks';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { useAction } from '../../ui/use-action';
import { platformApi } from '../api/platform-api';
import { takeLinkToken } from './link-token';

/**
 * An operator's password reset: without a token (the sign-in page's link, a lockout notice) it asks for the
 * emailed link; with one (the reset email's link, `/reset-password?token=…`) it sets the new password.
 */
export function ResetPasswordPage() {
  const [token] = useState(() => takeLinkToken(window.location, window.history));
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction();

  const requestLink = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    return action.run(async () => {
      await platformApi.POST('/v1/platform/auth/password-reset', {
        body: { email: formValue(form, 'email') },
      });
      // The API answers the same whether or not the address is an operator's, and so does the page.
      setMessage(
        'If this address belongs to an operator, a reset link is on its way. It works for 30 minutes.',
      );
    });
  };

  const confirm = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    return action.run(async () => {
      if (token === null) return;
      await platformApi.POST('/v1/platform/auth/password-reset/confirm', {
        body: { token, password: formValue(form, 'password') },
      });
      setMessage('Your password was changed. Sign in with it from now on.');
    });
  };

  return (
    <main class="sign-in" id="reset-password-page">
      <h1 id="brand-name">Tenantpay platform</h1>
      {message !== null ? (
        <section class="card">
          <p id="reset-message" role="status">
            {message}
          </p>
          <a href="/">Go to sign-in</a>
        </section>
      ) : token === null ? (
        <form id="request-form" class="card" onSubmit={requestLink} aria-labelledby="reset-title">
          <h2 id="reset-title">Reset your password</h2>
          <label>
            Email
            <input name="email" type="email" autocomplete="username" required />
          </label>
          {action.error !== null && <ErrorState id="reset-error" message={action.error} />}
          <button type="submit" disabled={action.busy}>
            Email me a reset link
          </button>
        </form>
      ) : (
        <form id="confirm-form" class="card" onSubmit={confirm} aria-labelledby="reset-title">
          <h2 id="reset-title">Choose a new password</h2>
          <label>
            New password
            <input name="password" type="password" autocomplete="new-password" minLength={12} required />
          </label>
          {action.error !== null && <ErrorState id="reset-error" message={action.error} />}
          <button type="submit" disabled={action.busy}>
            Set the new password
          </button>
        </form>
      )}
    </main>
  );
}
