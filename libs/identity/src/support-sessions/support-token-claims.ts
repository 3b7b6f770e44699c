/** The verified payload of a support token. */
export interface SupportTokenClaims {
  /** The operator (platform user) who opened the session. */
  readonly sub: string;
  /** The one tenant the session reaches. */
  readonly tid: string;
  /** The support session, checked on every request (ended or expired sessions are refused at once). */
  readonly sid: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}
