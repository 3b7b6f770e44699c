import { useState } from 'preact/hooks';
import { useApiData } from '../../api/use-api-data';
import { AuthenticatorKey, type AuthenticatorEnrolment } from '../../ui/authenticator-key';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { useAction } from '../../ui/use-action';
import type { MfaClient } from './mfa-client';

/**
 * Two-factor sign-in with an authenticator app: enrol (secret and recovery codes shown once), replace the recovery
 * codes (the old ones stop working; a code from the app proves it is the owner's doing) or turn it off;
 * `client` says whose (staff or platform operator).
 */
export function MfaSettings({ client }: { readonly client: MfaClient }) {
  const status = useApiData(() => client.status());
  const [enrolment, setEnrolment] = useState<AuthenticatorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const action = useAction();

  const start = () => void action.run(async () => setEnrolment(await client.startEnrolment()));
  const confirm = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void action.run(async () => {
      const codes = await client.confirmEnrolment(formValue(form, 'code'));
      setEnrolment(null);
      setRecoveryCodes(codes);
      status.reload();
    });
  };
  const replaceRecoveryCodes = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void action.run(async () => {
      setRecoveryCodes(await client.replaceRecoveryCodes(formValue(form, 'code')));
      form.reset();
      status.reload();
    });
  };
  const disable = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void action.run(async () => {
      const entered = formValue(form, 'proof').trim();
      // Six digits are the app's code; anything else can only be a recovery code.
      await client.disable(/^\d{6}$/.test(entered) ? { code: entered } : { recoveryCode: entered });
      status.reload();
    });
  };

  return (
    <section class="card" aria-labelledby="mfa-title">
      <h2 id="mfa-title">Two-factor authentication</h2>
      {status.error !== null && <ErrorState message={status.error} />}
      {action.error !== null && <ErrorState message={action.error} />}
      {recoveryCodes !== null && (
        <div class="secret-once" role="status">
          <p>
            <strong>Recovery codes</strong> — store them now: each signs you in once without your phone, and
            they are shown only this once.
          </p>
          <ul class="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setRecoveryCodes(null)}>
            I have stored them
          </button>
        </div>
      )}
      {status.data?.enabled === true && (
        <>
          <p>On. {status.data.recoveryCodesLeft} recovery codes left.</p>
          <form class="inline-form" id="replace-recovery-codes-form" onSubmit={replaceRecoveryCodes}>
            <label>
              Code from your app
              <input name="code" inputMode="numeric" pattern="\d{6}" required autoComplete="one-time-code" />
            </label>
            <button type="submit" disabled={action.busy}>
              Replace recovery codes
            </button>
          </form>
          <form class="inline-form" id="mfa-disable-form" onSubmit={disable}>
            <label>
              Code from your app, or a recovery code
              <input name="proof" required autoComplete="one-time-code" maxLength={32} />
            </label>
            <button type="submit" class="danger" disabled={action.busy}>
              Turn off
            </button>
          </form>
        </>
      )}
      {status.data?.enabled === false && enrolment === null && (
        <>
          <p>Off. Turn it on to need a code from an authenticator app at each sign-in.</p>
          <button type="button" disabled={action.busy} onClick={start}>
            Set up an authenticator app
          </button>
        </>
      )}
      {enrolment !== null && (
        <form class="stacked-form" onSubmit={confirm}>
          <AuthenticatorKey enrolment={enrolment} />
          <label>
            Code from your app
            <input name="code" inputMode="numeric" pattern="\d{6}" required autoComplete="one-time-code" />
          </label>
          <button type="submit" disabled={action.busy}>
            Turn on
          </button>
        </form>
      )}
    </section>
  );
}
