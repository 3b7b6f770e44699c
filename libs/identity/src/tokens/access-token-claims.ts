/** The verified payload of an access token. */
export interface AccessTokenClaims {
  /** The user's id (tenant user or platform user). */
  readonly sub: string;
  /** The tenant's id; absent exactly when the token belongs to a platform user. */
  readonly tid?: string;
  readonly role: string;
  /** Unique per token, for audit trails. */
  readonly jti: string;
  /** The sign-in session the token belongs to: when it ends, the token stops working (SessionStateCache). */
  readonly sid: string;
  readonly iat: number;
  readonly exp: number;
  readonly iss: string;
  readonly aud: string;
}

/** Who a token is issued to. */
export type AccessTokenSubject =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly tenantId: string;
      readonly role: string;
      readonly sessionId: string;
    }
  | {
      readonly kind: 'platform-user';
      readonly userId: string;
      readonly role: string;
      readonly sessionId: string;
    };

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds until the token expires. */
  readonly expiresIn: number;
}
