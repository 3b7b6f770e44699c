/** RFC 6238 parameters every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after the current one are accepted too (clock drift, typing time). */
export const TOTP_ACCEPTED_STEP_DRIFT = 1;
/** 160-bit secrets, the size RFC 4226 recommends. */
export const TOTP_SECRET_BYTES = 20;
/** The issuer shown in the authenticator app. */
export const TOTP_ISSUER = 'Tenantpay';

export const RECOVERY_CODE_COUNT = 10;

/** How long the password step's challenge waits for the code. */
export const MFA_CHALLENGE_TTL_SECONDS = 300;
export const MFA_CHALLENGE_TOKEN_PREFIX = 'tp_mfa_';
