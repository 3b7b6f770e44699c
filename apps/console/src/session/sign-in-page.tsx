import { consoleApi } from '../api/console-api';
import { SignInSteps } from '../ui/sign-in/sign-in-steps';
import { toLoginAnswer } from './login-answer';
import { MfaEnrolmentStep } from './mfa-enrolment-step';
import { useSession } from './session-context';

/**
 * The staff sign-in over the tenant's auth routes, with mandatory enrolment when the tenant requires MFA of an
 * account without a factor. The refresh token goes into an HttpOnly cookie, out of this script's reach.
 */
export function SignInPage({ brandName }: { readonly brandName: string }) {
  const session = useSession();
  return (
    <SignInSteps
      brandName={brandName}
      title="Sign in"
      resetPasswordHref="#/reset-password"
      signedOutReason={session.state.status === 'signed-out' ? session.state.reason : null}
      logIn={async (credentials) =>
        toLoginAnswer(
          await consoleApi.POST('/v1/auth/login', {
            body: { ...credentials, refreshTokenDelivery: 'cookie' },
          }),
        )
      }
      answerChallenge={async (challengeToken, factor) =>
        toLoginAnswer(
          await consoleApi.POST('/v1/auth/login/mfa', {
            body: { challengeToken, ...factor, refreshTokenDelivery: 'cookie' },
          }),
        )
      }
      opened={session.opened}
      enrolment={(challengeToken, challengeGone) => (
        <MfaEnrolmentStep challengeToken={challengeToken} onChallengeGone={challengeGone} />
      )}
    />
  );
}
