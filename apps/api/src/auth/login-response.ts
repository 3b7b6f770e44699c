import type { IssuedSession, MfaChallenge } from '@tenantpay/identity';
import type { RefreshTokenDelivery } from './refresh-token-delivery.enum';
import type { HeaderResponse } from '../http/header-response';
import type { CookieRequest } from './refresh-token-cookie';
import { deliverSession, type SessionResponse } from './session-response';

/** The password step's answer: the session, or (account with MFA) the challenge for `/login/mfa`. */
export type LoginResponse =
  | SessionResponse
  | {
      readonly mfaRequired: true;
      /** Mandatory MFA and no factor yet: the challenge only enrols (`login/mfa/enrol`, then `login/mfa`). */
      readonly mfaEnrolmentRequired?: true;
      readonly challengeToken: string;
      readonly expiresAt: string;
    };

export function deliverLogin(
  outcome: IssuedSession | MfaChallenge,
  delivery: RefreshTokenDelivery | undefined,
  http: { readonly request: CookieRequest; readonly response: HeaderResponse; readonly cookiePath: string },
): LoginResponse {
  if ('mfaRequired' in outcome)
    return {
      mfaRequired: true,
      ...(outcome.mfaEnrolmentRequired ? { mfaEnrolmentRequired: true } : {}),
      challengeToken: outcome.challengeToken,
      expiresAt: outcome.expiresAt.toISOString(),
    };
  return deliverSession(outcome, delivery, http);
}
