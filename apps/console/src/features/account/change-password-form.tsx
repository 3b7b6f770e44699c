import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { useAction } from '../../ui/use-action';

/** A new password, checked by the API's policy (its message says which rule a weak one breaks). */
export function ChangePasswordForm() {
  const action = useAction();
  const [changed, setChanged] = useState(false);
  const change = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setChanged(false);
    void action.run(async () => {
      await consoleApi.POST('/v1/auth/password', {
        body: {
          currentPassword: formValue(form, 'currentPassword'),
          newPassword: formValue(form, 'newPassword'),
        },
      });
      form.reset();
      setChanged(true);
    });
  };
  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form class="inline-form" onSubmit={change}>
        <label>
          Current password
          <input name="currentPassword" type="password" required autoComplete="current-password" />
        </label>
        <label>
          New password
          <input name="newPassword" type="password" required autoComplete="new-password" />
        </label>
        <button type="submit" disabled={action.busy}>
          Change password
        </button>
      </form>
      {action.error !== null && <ErrorState message={action.error} />}
      {changed && <p role="status">Password changed. Your other sessions were signed out.</p>}
    </section>
  );
}
