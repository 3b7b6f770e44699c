import { useEffect, useState } from 'preact/hooks';
import { apiErrorMessage } from '../api/api-error-message';
import { consoleApi } from '../api/console-api';
import { AuthenticatorKey, type AuthenticatorEnrolment } from '../ui/authenticator-key';
import { ErrorState } from '../ui/error-state';
import { formValue } from '../ui/form-value';
import { isChallengeGone } from './is-challenge-gone';
import { toLoginAnswer } from './login-answer';
import { useSession } from './session-context';

/**
 * Mandatory MFA for an account without a factor: the challenge buys a secret (shown once), a code of it opens
 * the session, and the recovery codes it hands out are shown once before the console.
 */
export function MfaEnrolmentStep(props: {
  readonly challengeToken: string;
  readonly onChallengeGone: () => void;
}) {
  const session = useSession();
  const [enrolment, setEnrolment] = useState<AuthenticatorEnrolment | null>(null);
  const [issued, setIssued] = useState<{ accessToken: string; recoveryCodes: readonly string[] } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    consoleApi
      .POST('/v1/auth/login/mfa/enrol', { body: { challengeToken: props.challengeToken } })
      .then((body) => setEnrolment(body as AuthenticatorEnrolment))
      .catch((failure: unknown) =>
        isChallengeGone(failure) ? props.onChallengeGone() : setError(apiErrorMessage(failure)),
      );
  }, [props.challengeToken]);

  const confirm = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setBusy(true);
    setError(null);
    try {
      const answer = toLoginAnswer(
        await consoleApi.POST('/v1/auth/login/mfa', {
          body: {
            challengeToken: props.challengeToken,
            code: formValue(form, 'code').trim(),
            refreshTokenDelivery: 'cookie',
          },
        }),
      );
      if (answer.mfaRequired !== true)
        setIssued({ accessToken: answer.accessToken, recoveryCodes: answer.recoveryCodes ?? [] });
    } catch (failure) {
      form.reset();
      if (isChallengeGone(failure)) props.onChallengeGone();
      else setError(apiErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  if (issued !== null)
    return (
      <section id="recovery-codes" class="card" aria-labelledby="recovery-title">
        <h2 id="recovery-title">Your recovery codes</h2>
        <p>
          Keep these somewhere safe. Each signs you in once if you lose your device; they are not shown again.
        </p>
        <ol id="recovery-code-list" class="recovery-codes">
          {issued.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <button
          type="button"
          id="recovery-codes-done"
          onClick={() => void session.opened(issued.accessToken)}
        >
          I have saved them
        </button>
      </section>
    );
  return (
    <form id="mfa-enrol-form" class="card" onSubmit={confirm} aria-labelledby="enrol-title">
      <h2 id="enrol-title">Set up two-factor authentication</h2>
      <p>
        Your organisation requires a second factor. Add this account to an authenticator app, then enter its
        code.
      </p>
      {enrolment !== null && <AuthenticatorKey enrolment={enrolment} />}
      <label>
        Authentication code
        <input name="code" autocomplete="one-time-code" inputMode="numeric" required />
      </label>
      {error !== null && <ErrorState id="mfa-enrol-error" message={error} />}
      <button type="submit" disabled={busy || enrolment === null}>
        Verify and sign in
      </button>
    </form>
  );
}
