import { useState } from 'preact/hooks';
import { apiErrorCode, apiErrorMessage } from '../api/api-error-message';
import { consoleApi } from '../api/console-api';
import { ErrorState } from '../ui/error-state';
import { formValue } from '../ui/form-value';
import { isChallengeGone } from './is-challenge-gone';
import { toLoginAnswer } from './login-answer';
import { MfaEnrolmentStep } from './mfa-enrolment-step';
import { useSession } from './session-context';

const CHALLENGE_GONE =
  'The sign-in took too long or is no longer valid. Enter your email and password again.';

type Step =
  | { readonly kind: 'password' }
  | { readonly kind: 'code'; readonly challengeToken: string; readonly recovery: boolean }
  | { readonly kind: 'enrol'; readonly challengeToken: string };

/**
 * Sign-in: the password, then the second factor when the account has one (an app code or a recovery code; a
 * wrong code stays on the step, an expired challenge goes back to the password saying why), or enrolment when
 * the tenant requires MFA of an account without a factor. The challenge lives in this component only.
 */
export function SignInPage({ brandName }: { readonly brandName: string }) {
  const session = useSession();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<{ readonly message: string; readonly code: string | null } | null>(
    session.state.status === 'signed-out' && session.state.reason !== null
      ? { message: session.state.reason, code: 'unauthorized' }
      : null,
  );
  const [busy, setBusy] = useState(false);

  const submitPassword = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    await run(async () => {
      const answer = toLoginAnswer(
        await consoleApi.POST('/v1/auth/login', {
          body: {
            email: formValue(form, 'email'),
            password: formValue(form, 'password'),
            // The refresh token goes into an HttpOnly cookie, out of this script's reach.
            refreshTokenDelivery: 'cookie',
          },
        }),
      );
      if (answer.mfaRequired === true)
        setStep(
          answer.mfaEnrolmentRequired === true
            ? { kind: 'enrol', challengeToken: answer.challengeToken }
            : { kind: 'code', challengeToken: answer.challengeToken, recovery: false },
        );
      else await session.opened(answer.accessToken);
    });
  };

  const submitCode = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (step.kind !== 'code') return;
    const form = event.currentTarget as HTMLFormElement;
    const entered = formValue(form, step.recovery ? 'recoveryCode' : 'code').trim();
    await run(async () => {
      const answer = toLoginAnswer(
        await consoleApi.POST('/v1/auth/login/mfa', {
          body: {
            challengeToken: step.challengeToken,
            ...(step.recovery ? { recoveryCode: entered } : { code: entered }),
            refreshTokenDelivery: 'cookie',
          },
        }),
      );
      if (answer.mfaRequired !== true) await session.opened(answer.accessToken);
    }, form);
  };

  async function run(work: () => Promise<void>, form?: HTMLFormElement): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      form?.reset();
      if (step.kind !== 'password' && isChallengeGone(failure)) {
        setStep({ kind: 'password' });
        setError({ message: CHALLENGE_GONE, code: apiErrorCode(failure) });
      } else setError({ message: apiErrorMessage(failure), code: apiErrorCode(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="sign-in" id="sign-in-page">
      <h1 id="brand-name">{brandName}</h1>
      {step.kind === 'password' && (
        <section id="sign-in">
          <form id="sign-in-form" class="card" onSubmit={submitPassword} aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">Sign in</h2>
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
            <a href="#/reset-password">Forgot your password?</a>
          </form>
        </section>
      )}
      {step.kind === 'code' && (
        <section id="mfa-step">
          <form id="mfa-form" class="card" onSubmit={submitCode} aria-labelledby="mfa-title">
            <h2 id="mfa-title">Two-factor authentication</h2>
            <p>
              {step.recovery
                ? 'Enter one of your recovery codes. Each works once.'
                : 'Enter the 6-digit code from your authenticator app.'}
            </p>
            <label>
              {step.recovery ? 'Recovery code' : 'Authentication code'}
              <input
                key={step.recovery ? 'recovery' : 'code'}
                name={step.recovery ? 'recoveryCode' : 'code'}
                autocomplete="one-time-code"
                inputMode={step.recovery ? 'text' : 'numeric'}
                required
                autoFocus
              />
            </label>
            {error !== null && <ErrorState id="mfa-error" message={error.message} code={error.code} />}
            <button type="submit" disabled={busy}>
              Verify
            </button>
            <button
              type="button"
              id="mfa-use-recovery"
              class="link-button"
              onClick={() => setStep({ ...step, recovery: !step.recovery })}
            >
              {step.recovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
            </button>
          </form>
        </section>
      )}
      {step.kind === 'enrol' && (
        <section id="mfa-enrol-step">
          <MfaEnrolmentStep
            challengeToken={step.challengeToken}
            onChallengeGone={() => {
              setStep({ kind: 'password' });
              setError({ message: CHALLENGE_GONE, code: 'unauthorized' });
            }}
          />
        </section>
      )}
    </main>
  );
}
