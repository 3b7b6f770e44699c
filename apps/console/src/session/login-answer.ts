/**
 * What the sign-in routes answer (the document declares no body for them yet): a session's access token, or a
 * second step to take with the challenge token.
 */
export type LoginAnswer =
  | { readonly mfaRequired: true; readonly challengeToken: string; readonly mfaEnrolmentRequired?: boolean }
  | {
      readonly mfaRequired?: false;
      readonly accessToken: string;
      readonly recoveryCodes?: readonly string[];
    };

export function toLoginAnswer(body: unknown): LoginAnswer {
  const fields = (body ?? {}) as Record<string, unknown>;
  if (fields['mfaRequired'] === true && typeof fields['challengeToken'] === 'string')
    return {
      mfaRequired: true,
      challengeToken: fields['challengeToken'],
      mfaEnrolmentRequired: fields['mfaEnrolmentRequired'] === true,
    };
  if (typeof fields['accessToken'] === 'string')
    return {
      accessToken: fields['accessToken'],
      recoveryCodes: Array.isArray(fields['recoveryCodes'])
        ? fields['recoveryCodes'].filter((code): code is string => typeof code === 'string')
        : [],
    };
  throw new Error('The server answered the sign-in in an unexpected shape.');
}
