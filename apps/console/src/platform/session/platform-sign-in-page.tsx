import { useState } from 'preact/hooks';
import { apiErrorCode, apiErrorMessage } from '../../api/api-error-message';
import { isChallengeGone } from '../../session/is-challenge-gone';
import { toLoginAnswer } from '../../session/login-answer';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { platformApi } from '../api/platform-api';
import { RESET_PASSWORD_PATH } from '../platform-console.constant';
import { usePlatformSession } from './platform-session-context';

const CHALLENGE_GONE =
  'The sign-in took too long or is no longer valid. Enter your email and password again.';

type Step = { readonly kind: 'password' } | { readonly kind: 'code'; readonly challengeToken: string };

/**
 * The platform operators' sign-in (`/v1/platform/auth/login`): the password, then the authenticator or a
 * recovery code when the operator has MFA. Tenant staff accounts are not known here: the platform login looks
 * only at platform users, so a bank's credentials fail like a wrong password.
 */
export function PlatformSignInPage() {
  const session = usePlatformSession();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [recovery, setRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ readonly message: string; readonly code: string | null } | null>(
    session.state.status === 'signed-out' && session.state.reason !== null
      ? { message: session.state.reason, code: 'unauthorized' }
      : null,
  );

  async function run(work: () => Promise<void>, form: HTMLFormElement): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      form.reset();
      if (step.kind === 'code' && isChallengeGone(failure)) {
        setStep({ kind: 'password' });
        setError({ message: CHALLENGE_GONE, code: apiErrorCode(failure) });
      } else setError({ message: apiErrorMessage(failure), code: apiErrorCode(failure) });
    } finally {
      setBusy(false);
    }
  }

  const submitPassword = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    return run(async () => {
      const answer = toLoginAnswer(
        await platformApi.POST('/v1/platform/auth/login', {
          body: {
            email: formValue(form, 'email'),
            password: formValue(form, 'password'),
            refreshTokenDelivery: 'cookie',
          },
        }),
      );
      if (answer.mfaRequired === true) setStep({ kind: 'code', challengeToken: answer.challengeToken });
      else await session.opened(answer.accessToken);
    }, form);
  };

  const submitCode = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (step.kind !== 'code') return Promise.resolve();
    const form = event.currentTarget as HTMLFormElement;
    const entered = formValue(form, recovery ? 'recoveryCode' : 'code').trim();
    return run(async () => {
      const answer = toLoginAnswer(
        await platformApi.POST('/v1/platform/auth/login/mfa', {
          body: {
            challengeToken: step.challengeToken,
            ...(recovery ? { recoveryCode: entered } : { code: entered }),
            refreshTokenDelivery: 'cookie',
          },
        }),
      );
      if (answer.mfaRequired !== true) await session.opened(answer.accessToken);
    }, form);
  };

  return (
    <main class="sign-in" id="sign-in-page">
      <h1 id="brand-name">Tenantpay platform</h1>
      {step.kind === 'password' ? (
        <form id="sign-in-form" class="card" onSubmit={submitPassword} aria-labelledby="sign-in-title">
          <h2 id="sign-in-title">Operator sign-in</h2>
          <label>
            Email
            <input name="email" type="email" autocomplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          {error !== null && <ErrorState id="sign-in-error" message={error.message} code={error.code} />}
          <button type="submit" disabled={busy}>
            Sign in
          </button>
          <a href={RESET_PASSWORD_PATH}>Forgot your password?</a>
        </form>
      ) : (
        <form id="mfa-form" class="card" onSubmit={submitCode} aria-labelledby="mfa-title">
          <h2 id="mfa-title">Two-factor authentication</h2>
          <label>
            {recovery ? 'Recovery code' : 'Authentication code'}
            <input
              key={recovery ? 'recovery' : 'code'}
              name={recovery ? 'recoveryCode' : 'code'}
              autocomplete="one-time-code"
              inputMode={recovery ? 'text' : 'numeric'}
              required
              autoFocus
            />
          </label>
          {error !== null && <ErrorState id="mfa-error" message={error.message} code={error.code} />}
          <button type="submit" disabled={busy}>
            Verify
          </button>
          <button type="button" class="link-button" onClick={() => setRecovery(!recovery)}>
            {recovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
          </button>
        </form>
      )}
    </main>
  );
}
