import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { apiErrorCode, apiErrorMessage } from '../../api/api-error-message';
import { isChallengeGone } from '../../session/is-challenge-gone';
import type { LoginAnswer } from '../../session/login-answer';
import { ErrorState } from '../error-state';
import { formValue } from '../form-value';

const CHALLENGE_GONE =
  'The sign-in took too long or is no longer valid. Enter your email and password again.';

/** The second factor as the sign-in's MFA route takes it. */
export type SecondFactor = { readonly code: string } | { readonly recoveryCode: string };

type Step =
  | { readonly kind: 'password' }
  | { readonly kind: 'code'; readonly challengeToken: string; readonly recovery: boolean }
  | { readonly kind: 'enrol'; readonly challengeToken: string };

export interface SignInStepsProps {
  readonly brandName: string;
  readonly title: string;
  readonly resetPasswordHref: string;
  /** Why the last session ended (shown on the password step), if it ended by itself. */
  readonly signedOutReason: string | null;
  readonly logIn: (credentials: {
    readonly email: string;
    readonly password: string;
  }) => Promise<LoginAnswer>;
  readonly answerChallenge: (challengeToken: string, factor: SecondFactor) => Promise<LoginAnswer>;
  readonly opened: (accessToken: string) => Promise<void>;
  /**
   * The step for an account that must enrol a factor before its first session; given the challenge and what to
   * do when the challenge expires. Without it, the console has no enrolment and asks for a code.
   */
  readonly enrolment?: (challengeToken: string, challengeGone: () => void) => ComponentChild;
}

/**
 * Both consoles' sign-in: the password, then the second factor when the account has one (an app code or a
 * recovery code; a wrong code stays on the step, an expired challenge goes back to the password saying why), or
 * enrolment when it must have one. The challenge lives in this component only; each console passes its routes.
 */
export function SignInSteps(props: SignInStepsProps) {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<{ readonly message: string; readonly code: string | null } | null>(
    props.signedOutReason === null ? null : { message: props.signedOutReason, code: 'unauthorized' },
  );
  const [busy, setBusy] = useState(false);
  const challengeGone = (code: string | null) => {
    setStep({ kind: 'password' });
    setError({ message: CHALLENGE_GONE, code });
  };

  /** `codeForm` is emptied on a failure: a code is worth retyping, an email address is not. */
  async function run(work: () => Promise<void>, codeForm?: HTMLFormElement): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      codeForm?.reset();
      if (step.kind !== 'password' && isChallengeGone(failure)) challengeGone(apiErrorCode(failure));
      else setError({ message: apiErrorMessage(failure), code: apiErrorCode(failure) });
    } finally {
      setBusy(false);
    }
  }

  const submitPassword = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    return run(async () => {
      const answer = await props.logIn({
        email: formValue(form, 'email'),
        password: formValue(form, 'password'),
      });
      if (answer.mfaRequired !== true) await props.opened(answer.accessToken);
      else if (answer.mfaEnrolmentRequired === true && props.enrolment !== undefined)
        setStep({ kind: 'enrol', challengeToken: answer.challengeToken });
      else setStep({ kind: 'code', challengeToken: answer.challengeToken, recovery: false });
    });
  };

  const submitCode = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (step.kind !== 'code') return Promise.resolve();
    const form = event.currentTarget as HTMLFormElement;
    const entered = formValue(form, step.recovery ? 'recoveryCode' : 'code').trim();
    return run(async () => {
      const answer = await props.answerChallenge(
        step.challengeToken,
        step.recovery ? { recoveryCode: entered } : { code: entered },
      );
      if (answer.mfaRequired !== true) await props.opened(answer.accessToken);
    }, form);
  };

  return (
    <main class="sign-in" id="sign-in-page">
      <h1 id="brand-name">{props.brandName}</h1>
      {step.kind === 'password' && (
        <section id="sign-in">
          <form id="sign-in-form" class="card" onSubmit={submitPassword} aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">{props.title}</h2>
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
            <a href={props.resetPasswordHref}>Forgot your password?</a>
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
      {step.kind === 'enrol' && props.enrolment !== undefined && (
        <section id="mfa-enrol-step">
          {props.enrolment(step.challengeToken, () => challengeGone('unauthorized'))}
        </section>
      )}
    </main>
  );
}
