/** The one algorithm access and support tokens are signed and verified with (pinned: `alg` is never trusted). */
export const JWT_ALGORITHM = 'HS256';
