import { toLoginAnswer } from '../../session/login-answer';
import { SignInSteps } from '../../ui/sign-in/sign-in-steps';
import { platformApi } from '../api/platform-api';
import { RESET_PASSWORD_PATH } from '../platform-console.constant';
import { usePlatformSession } from './platform-session-context';

/**
 * The platform operators' sign-in (`/v1/platform/auth/login`): the password, then the authenticator or a
 * recovery code when the operator has MFA. Tenant staff accounts are not known here: the platform login looks
 * only at platform users, so a bank's credentials fail like a wrong password.
 */
export function PlatformSignInPage() {
  const session = usePlatformSession();
  return (
    <SignInSteps
      brandName="Tenantpay platform"
      title="Operator sign-in"
      resetPasswordHref={RESET_PASSWORD_PATH}
      signedOutReason={session.state.status === 'signed-out' ? session.state.reason : null}
      logIn={async (credentials) =>
        toLoginAnswer(
          await platformApi.POST('/v1/platform/auth/login', {
            body: { ...credentials, refreshTokenDelivery: 'cookie' },
          }),
        )
      }
      answerChallenge={async (challengeToken, factor) =>
        toLoginAnswer(
          await platformApi.POST('/v1/platform/auth/login/mfa', {
            body: { challengeToken, ...factor, refreshTokenDelivery: 'cookie' },
          }),
        )
      }
      opened={session.opened}
    />
  );
}
